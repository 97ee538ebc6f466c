using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace PolicyAsCode.Tests.Cli;

/// <summary>A file that can be read but not written, even when the tests run as root.</summary>
/// <remarks>
/// Root ignores permission bits, so on Linux the file is a sealed memfd (<c>memfd_create</c> with
/// <c>F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW</c>), which refuses writes to everyone, opened by path through
/// <c>/proc/self/fd</c>. Elsewhere it is an ordinary file with the read-only attribute.
/// </remarks>
internal sealed class UnwritableFile : IDisposable
{
    private const uint MfdCloexec = 0x1;
    private const uint MfdAllowSealing = 0x2;
    private const int FAddSeals = 1024 + 9;
    private const int FSealShrink = 0x2;
    private const int FSealGrow = 0x4;
    private const int FSealWrite = 0x8;

    private readonly SafeFileHandle? _memfd;

    public UnwritableFile(TempDirectory dir, string name, string content)
    {
        byte[] bytes = new UTF8Encoding(false).GetBytes(content);
        if (OperatingSystem.IsLinux())
        {
            int fd = memfd_create(name, MfdCloexec | MfdAllowSealing);
            if (fd < 0) throw new IOException($"memfd_create failed: errno {Marshal.GetLastPInvokeError()}");
            _memfd = new SafeFileHandle(fd, ownsHandle: true);
            RandomAccess.Write(_memfd, bytes, 0);
            if (fcntl(fd, FAddSeals, FSealShrink | FSealGrow | FSealWrite) < 0)
            {
                throw new IOException($"sealing the memfd failed: errno {Marshal.GetLastPInvokeError()}");
            }
            Path = $"/proc/self/fd/{fd}";
        }
        else
        {
            Path = dir.WriteBytes(name, bytes);
            File.SetAttributes(Path, FileAttributes.ReadOnly);
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        if (_memfd is not null) _memfd.Dispose();
        else File.SetAttributes(Path, FileAttributes.Normal); // so that the temp folder can be deleted
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int memfd_create([MarshalAs(UnmanagedType.LPUTF8Str)] string name, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int cmd, int arg);
}
