using PolicyAsCode.Cli;

return Pac.Run(args, Console.Out, Console.Error, Console.In);
