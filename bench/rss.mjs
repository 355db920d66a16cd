// Loaded with --import by the CLI benchmark: prints the process's peak RSS (in KB) on standard error at exit.
process.on('exit', () => process.stderr.write(`\nrss ${process.resourceUsage().maxRSS}\n`));
