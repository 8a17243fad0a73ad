using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Omnidesk.Emulator
{
    /// <summary>Starts an emulator in the current process (used by Program.Main and by tests).</summary>
    public static class EmulatorHost
    {
        public static async Task<RunningEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(options);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            // stdout carries only the "listening" line: warnings and errors go to stderr
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
            // Started by another process: survive the Ctrl+C meant for it, stop with it (the last registration wins).
            if (options.ParentPid is int parentPid)
                builder.Services.AddSingleton<IHostLifetime>(services =>
                    new ChildProcessLifetime(parentPid, services.GetRequiredService<IHostApplicationLifetime>()));
            builder.WebHost.UseUrls(options.Urls);
            // a create-case request may carry 50 MB of files (plus its other fields); larger bodies get a clean 413
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestBody.HardMaxBodyBytes);

            var state = new EmulatorState(options);
            var pipeline = new RequestPipeline(state);
            var app = builder.Build();
            app.Run(pipeline.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            string baseUrl = addresses?.FirstOrDefault() ?? options.Urls;
            return new RunningEmulator(app, state, baseUrl.TrimEnd('/'));
        }
    }

    /// <summary>A started emulator: its base URL (with the real bound port) and its state. Dispose to stop it.</summary>
    public sealed class RunningEmulator : IAsyncDisposable
    {
        readonly WebApplication _app;

        internal RunningEmulator(WebApplication app, EmulatorState state, string baseUrl)
        {
            _app = app;
            State = state;
            BaseUrl = baseUrl;
        }

        /// <summary>e.g. http://127.0.0.1:5080 (no trailing slash).</summary>
        public string BaseUrl { get; }
        public Uri BaseUri => new(BaseUrl + "/");
        public EmulatorState State { get; }

        /// <summary>
        /// Completes when the host shuts down: on SIGTERM or <see cref="StopAsync"/>; on Ctrl+C (SIGINT) only when it was
        /// not started with --parent-pid, else when that parent process exits.
        /// </summary>
        public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _app.StopAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
            }
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
