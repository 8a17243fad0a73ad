using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using Xunit;

namespace Omnidesk.Tests.Infrastructure
{
    /// <summary>Ctrl+C as a host sends it (PowerShell.Stop), and what must hold afterwards.</summary>
    public static class Stopping
    {
        /// <summary>
        /// Starts <paramref name="script"/> in the (connected) runspace, stops it once the emulator has seen 3 requests
        /// that <paramref name="counted"/> selects, and asserts that the stop took under a second and that no request
        /// arrived in the 600 ms after it. Returns the requests the emulator saw.
        /// </summary>
        public static int AssertStopsPromptly(EmulatorFixture emulator, Runspace runspace, string script, Func<EmulatorRequest, bool> counted,
            TimeSpan gettingGoing)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var async = ps.BeginInvoke();
            var deadline = DateTime.UtcNow + gettingGoing;
            while (emulator.Requests().Count(counted) < 3 && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.True(emulator.Requests().Count(counted) >= 3, "the command did not get going");

            var stopping = Stopwatch.StartNew();
            ps.Stop();
            try { ps.EndInvoke(async); } catch (PipelineStoppedException) { }
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"stop took {stopping.Elapsed}");
            var atStop = emulator.Requests().Count;
            Thread.Sleep(600);
            Assert.Equal(atStop, emulator.Requests().Count);
            return emulator.Requests().Count(counted);
        }
    }
}
