using PolicyAsCode.Catalogue;
using PolicyAsCode.TypedMembers;

// Usage: dotnet run --project src/tools/typed-members [-- OUTPUT-FOLDER]; default src/PolicyAsCode.Aws/Generated.
string output = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot(), "src", "PolicyAsCode.Aws", "Generated");
var catalogue = ServiceCatalogue.Default;
int written = TypedMemberWriter.WriteAll(catalogue, output);
Console.WriteLine($"{written} files written to {output} from {catalogue.DataSource}");
return 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PolicyAsCode.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository.");
}
