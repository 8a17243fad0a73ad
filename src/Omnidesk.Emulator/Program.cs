using System;
using System.IO;
using System.Threading.Tasks;

namespace Omnidesk.Emulator
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            EmulatorOptions options;
            try
            {
                options = EmulatorOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            RunningEmulator emulator;
            try
            {
                emulator = await EmulatorHost.StartAsync(options);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                Console.Error.WriteLine("Cannot start the emulator on " + options.Urls + ": " + e.Message);
                return 1;
            }

            await using (emulator)
            {
                // the one stdout line callers wait for (and read the port from)
                Console.Out.WriteLine("Omnidesk emulator listening on " + emulator.BaseUrl);
                Console.Out.Flush();

                // With --parent-pid, ChildProcessLifetime stops the host when the parent exits.
                await emulator.WaitForShutdownAsync();
            }
            return 0;
        }
    }
}
