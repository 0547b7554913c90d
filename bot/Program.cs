return await ChatAssistant.Hosting.Cli.RunAsync(args);
