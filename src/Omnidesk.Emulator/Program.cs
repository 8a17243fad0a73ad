using System.Diagnostics;

namespace Omnidesk.Emulator;

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

            using var stop = new CancellationTokenSource();
            if (options.ParentPid is int parentPid)
                _ = WatchParentAsync(parentPid, emulator, stop.Token);
            await emulator.WaitForShutdownAsync();
            stop.Cancel();
        }
        return 0;
    }

    /// <summary>Stops the emulator once the process that started it is gone, so a demo never leaves it behind.</summary>
    static async Task WatchParentAsync(int pid, RunningEmulator emulator, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (!IsRunning(pid))
                {
                    await emulator.StopAsync();
                    return;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
