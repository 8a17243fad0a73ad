using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using Omnidesk.Benchmarks;

// dotnet run -c Release --project bench/Omnidesk.Benchmarks [-- --quick]
// Measures the figures of docs/performance.md in one run and rewrites that file's figures section (not with --quick).
// Internal mode: --import-probe <empty.psd1> <Omnidesk.psd1> <emulator uri> (a fresh process for figure 1).

if (args.Length == 4 && args[0] == "--import-probe") return ImportProbe(args[1], args[2], new Uri(args[3]));

var quick = args.Contains("--quick");
var meta = typeof(Emulator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
var repo = meta["RepoRoot"];
var manifest = Path.Combine(meta["ModuleDirectory"], "Omnidesk.psd1");
var emulatorDll = Path.Combine(meta["ModuleDirectory"], "Emulator", "Omnidesk.Emulator.dll");
if (!File.Exists(manifest) || !File.Exists(emulatorDll))
{
    Console.Error.WriteLine($"Build the module first (dotnet build OmnideskPS.sln -c Release): {manifest} or {emulatorDll} is missing.");
    return 2;
}

// Sizes: the full run, or a smoke run of a few seconds.
int listCases = quick ? 2_000 : 20_000, smallCases = quick ? 1_000 : 10_000, bigCases = quick ? 10_000 : 100_000;
int updates = quick ? 100 : 1_000, probes = quick ? 2 : 5, exportCases = quick ? 2_000 : 20_000;
int perItem = quick ? 50 : 1_000, perItemCases = quick ? 300 : 1_200, pipedSmall = quick ? 100 : 1_000, pipedBig = quick ? 1_000 : 10_000;
const int Unlimited = 1_000_000, ExportLatencyMs = 100, ExportBudget = 600;
// Figure 6: the API's default budget; staff 22 is an active member of the demo account (docs/emulator.md).
const int PerItemLatencyMs = 100, PerItemBudget = 1_500, NoteStaffId = 22;
// Figure 7: a budget that never binds, so only the client's memory is measured.
const int Huge = 100_000_000;

var rows = new List<(string Figure, string Measure, string Value)>();
void Add(string figure, string measure, string value)
{
    rows.Add((figure, measure, value));
    Console.WriteLine($"  {figure,-2} {measure,-76} {value}");
}

// All emulators start (and seed) at once, before anything is timed.
using var list = new Emulator(emulatorDll, listCases, Unlimited, 0);
using var small = new Emulator(emulatorDll, smallCases, Unlimited, 0);
using var big = new Emulator(emulatorDll, bigCases, Unlimited, 0);
using var export = new Emulator(emulatorDll, exportCases, ExportBudget, ExportLatencyMs);
using var perItemEmulator = new Emulator(emulatorDll, perItemCases, PerItemBudget, PerItemLatencyMs);
using var piped = new Emulator(emulatorDll, pipedBig, Huge, 0);
foreach (var e in new[] { list, small, big, export, perItemEmulator, piped }) e.WaitReady();
Console.WriteLine($"Emulators ready ({listCases:N0}, {smallCases:N0}, {bigCases:N0}, {exportCases:N0}, {perItemCases:N0} and {pipedBig:N0} cases). Measuring:");

// 1. Import-Module in fresh processes: the engine's one-time cost (an empty manifest) first, then the module, then
//    the first call into its engine (Connect-Omnidesk, which loads the HTTP stack).
var empty = Path.Combine(Path.GetTempPath(), $"omnidesk-bench-{Environment.ProcessId}", "Empty.psd1");
Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
File.WriteAllText(empty, "@{ ModuleVersion = '1.0' }");
var samples = Enumerable.Range(0, probes).Select(_ => RunProbe(empty, manifest, list.BaseUri)).ToList();
Directory.Delete(Path.GetDirectoryName(empty)!, true);
Add("1", $"Import-Module of an empty manifest (engine's one-time cost), median of {probes}", Ms(Median(samples.Select(s => s[0]))));
Add("1", $"Import-Module Omnidesk.psd1 after it (the module's own cost), median of {probes}", Ms(Median(samples.Select(s => s[1]))));
Add("1", $"First Connect-Omnidesk (first call into the engine), median of {probes}", Ms(Median(samples.Select(s => s[2]))));

using var pwsh = new Pwsh();
pwsh.Run("Import-Module $Manifest -ErrorAction Stop", ("Manifest", manifest));

// 2. Cases per second: the module's full listing (to Out-Null, and counted in ForEach-Object) vs a plain HttpClient +
//    System.Text.Json loop, both over page numbers (page=N&limit=100, the obvious loop) and over exactly the requests
//    the module sent (its walk by creation time asks other queries, which cost the emulator a different time).
//    Best of three rounds each: no JIT, warm sockets, and less noise from the shared 2-core machine.
pwsh.Connect(list);
double outNullRate = 0, countRate = 0, pagesRate = 0, replayRate = 0;
long moduleCount = 0, pagesCount = 0;
List<string> moduleRequests = null;
for (var round = 0; round < 3; round++)
{
    list.ClearRequests();
    var seconds = pwsh.Time("Get-OmnideskCase | Out-Null");
    moduleRequests = list.Requests().Where(r => r.Path == "/api/cases.json").Select(r => r.Path + r.Query).ToList();
    var clock = Stopwatch.StartNew();
    moduleCount = pwsh.CountCases();
    countRate = Math.Max(countRate, moduleCount / clock.Elapsed.TotalSeconds);
    outNullRate = Math.Max(outNullRate, moduleCount / seconds);
    clock.Restart();
    pagesCount = PlainList(list.BaseUri, Enumerable.Range(1, int.MaxValue).Select(p => $"/api/cases.json?page={p}&limit=100"));
    pagesRate = Math.Max(pagesRate, pagesCount / clock.Elapsed.TotalSeconds);
    clock.Restart();
    var replayed = PlainList(list.BaseUri, moduleRequests);
    replayRate = Math.Max(replayRate, replayed / clock.Elapsed.TotalSeconds);
}
if (moduleCount != pagesCount) throw new InvalidOperationException($"The module listed {moduleCount} cases, the plain loop {pagesCount}.");
Add("2", $"Get-OmnideskCase | Out-Null: cases/s ({moduleCount:N0} cases, {moduleRequests.Count} requests)", $"{outNullRate:N0}");
Add("2", "Get-OmnideskCase | ForEach-Object { $n++ }: cases/s", $"{countRate:N0}");
Add("2", "Plain HttpClient + STJ loop, page=N&limit=100: cases/s", $"{pagesRate:N0}");
Add("2", "Plain HttpClient + STJ loop over the module's own requests: cases/s", $"{replayRate:N0}");
Add("2", "Ratio module (Out-Null) / plain: page numbers; same requests", $"{outNullRate / pagesRate:P0}; {outNullRate / replayRate:P0}");

// 3. Peak memory of this process while streaming a big listing vs a small one.
var (smallCount, smallHeap, smallWs) = StreamPeak(pwsh, small);
var (bigCount, bigHeap, bigWs) = StreamPeak(pwsh, big);
Add("3", $"Peak GC heap streaming {smallCount:N0} cases", Mb(smallHeap));
Add("3", $"Peak GC heap streaming {bigCount:N0} cases", Mb(bigHeap));
Add("3", "Ratio big / small (GC heap; flat = about 1)", $"{(double)bigHeap / smallHeap:N2}");
Add("3", $"Peak working set streaming {smallCount:N0} / {bigCount:N0} cases", $"{Mb(smallWs)} / {Mb(bigWs)} ({(double)bigWs / smallWs:N2}x)");

// 4. Requests for piped updates: the bulk path vs one Set-OmnideskCase call per case. PUTs counted at the emulator.
var ids = Enumerable.Range(2000, updates).Select(i => (long)i).ToArray();
pwsh.Connect(list);
list.ClearRequests();
var bulkSeconds = pwsh.Time("$Ids | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | Set-OmnideskCase -Priority high", ("Ids", ids));
var bulkPuts = list.Requests().Count(r => r.Method == "PUT");
list.ClearRequests();
var loopSeconds = pwsh.Time("foreach ($id in $Ids) { Set-OmnideskCase -CaseId $id -Priority high }", ("Ids", ids));
var loopPuts = list.Requests().Count(r => r.Method == "PUT");
Add("4", $"PUTs for {updates:N0} ids piped to Set-OmnideskCase -Priority high", $"{bulkPuts:N0} ({bulkSeconds:N2} s)");
Add("4", $"PUTs for a loop of {updates:N0} Set-OmnideskCase calls", $"{loopPuts:N0} ({loopSeconds:N2} s)");

// 5. A whole export at 100 ms latency and 600 requests per minute, against the ideal that budget allows:
//    the fewest requests (one per 100 listed cases, plus Connect's check) at 10 per second.
var exportClock = Stopwatch.StartNew();
pwsh.Connect(export);
var exported = pwsh.CountCases();
var exportSeconds = exportClock.Elapsed.TotalSeconds;
var log = export.Requests();
var needed = (exported + 99) / 100 + 1;
var ideal = needed / (ExportBudget / 60.0);
Add("5", $"Export of {exported:N0} cases at {ExportLatencyMs} ms latency, {ExportBudget}/min (wall)", $"{exportSeconds:N1} s");
Add("5", $"Ideal at {ExportBudget / 60} requests/s ({needed} requests needed)", $"{ideal:N1} s");
Add("5", "Ratio wall / ideal", $"{exportSeconds / ideal:N2}");
Add("5", "Requests sent / HTTP 429 answers received", $"{log.Count} / {log.Count(r => r.Status == 429)}");

// 6. Per-item pipelines: cases piped one by one into a cmdlet that makes a request per case, at 100 ms latency and
//    the API's default 1,500 per minute. Each run is compared with its ideal, from the requests it sent: the slower of
//    the requests MaxConcurrency at a time (one latency each), and the budget units it spent (a GET 1, a write 2)
//    beyond the client's token-bucket burst at the budget's rate. Before each run the emulator is reset (a fresh
//    minute window, and the notes of the run before are gone) and the client's bucket is given burst / rate to fill
//    up again (the account's limiter outlives Connect-Omnidesk), so every run starts as a fresh session would.
pwsh.Connect(perItemEmulator);
var maxConcurrency = (int)pwsh.Run("(Get-OmnideskConnection).MaxConcurrency")[0].BaseObject;
var itemCases = (int)pwsh.Run("$global:Cases = @(Get-OmnideskCase -First $N); $global:Ids = @($Cases.CaseId); $Cases.Count", ("N", perItem))[0].BaseObject;
if (itemCases != perItem) throw new InvalidOperationException($"The emulator listed {itemCases} cases, not {perItem}.");
var burst = Math.Max(2, PerItemBudget / 10);   // AccountRateLimiter.BurstOf
var unitsPerSecond = PerItemBudget / 60.0;
var refill = TimeSpan.FromSeconds(burst / unitsPerSecond + 0.25);
Add("6", "Setup: latency; budget; the client's MaxConcurrency; its token-bucket burst",
    $"{PerItemLatencyMs} ms; {PerItemBudget:N0}/min ({unitsPerSecond:N0} units/s); {maxConcurrency}; {burst} units");
var sinceLastRequest = Stopwatch.StartNew();
foreach (var (name, script) in new[]
{
    ("$cases | Get-OmnideskMessage", "$Cases | Get-OmnideskMessage"),
    ("$ids | Get-OmnideskCase", "$Ids | Get-OmnideskCase"),
    ($"$cases | New-OmnideskNote -StaffId {NoteStaffId}", $"$Cases | New-OmnideskNote -Content 'Benchmark note' -StaffId {NoteStaffId}"),
})
{
    perItemEmulator.Reset();
    var idle = refill - sinceLastRequest.Elapsed;
    if (idle > TimeSpan.Zero) Thread.Sleep(idle);
    var clock = Stopwatch.StartNew();
    var written = (long)pwsh.Run("$n = 0L; " + script + " | ForEach-Object { $n++ }; $n")[0].BaseObject;
    var seconds = clock.Elapsed.TotalSeconds;
    sinceLastRequest.Restart();
    var (requests, inFlight) = perItemEmulator.Log();
    var units = requests.Sum(r => r.Method == "GET" ? 1 : 2);
    var idealSeconds = Math.Max(requests.Count / (double)maxConcurrency * PerItemLatencyMs / 1000, (units - burst) / unitsPerSecond);
    var methods = string.Join(" + ", requests.GroupBy(r => r.Method).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count():N0} {g.Key}"));
    Add("6", $"{name}, {perItem:N0} cases ({written:N0} out): wall; ideal; ratio", $"{seconds:N1} s; {idealSeconds:N1} s; {seconds / idealSeconds:N2}");
    Add("6", $"{name}: requests (budget units) / HTTP 429 / most in flight",
        $"{methods} ({units:N0}) / {requests.Count(r => r.Status == 429)} / {inFlight}");
}
pwsh.Run("Remove-Variable Cases, Ids -Scope Global");

// 7. Peak memory of this process while case ids are piped one by one into Get-OmnideskCase (by id), a small and then a
//    ten times bigger number of them, made lazily by ForEach-Object so the input itself takes no memory. No latency,
//    and a budget that never binds.
pwsh.Connect(piped);
var (pipedSmallHeap, pipedSmallLive, pipedSmallWs, pipedSmallSeconds, pipedSmallGcs) = PipePeak(pwsh, piped, pipedSmall);
var (pipedBigHeap, pipedBigLive, pipedBigWs, pipedBigSeconds, pipedBigGcs) = PipePeak(pwsh, piped, pipedBig);
Add("7", $"Peak GC heap piping {pipedSmall:N0} case ids to Get-OmnideskCase ({pipedSmallSeconds:N1} s, {pipedSmallGcs:N0} gen0 GCs)", Mb(pipedSmallHeap));
Add("7", $"Peak GC heap piping {pipedBig:N0} case ids to Get-OmnideskCase ({pipedBigSeconds:N1} s, {pipedBigGcs:N0} gen0 GCs)", Mb(pipedBigHeap));
Add("7", "Ratio big / small (GC heap; flat = about 1)", $"{(double)pipedBigHeap / pipedSmallHeap:N2}");
Add("7", $"Peak heap after a collection (what was alive) piping {pipedSmall:N0} / {pipedBig:N0} case ids",
    $"{Mb(pipedSmallLive)} / {Mb(pipedBigLive)} ({(double)pipedBigLive / pipedSmallLive:N2}x)");
Add("7", $"Peak working set piping {pipedSmall:N0} / {pipedBig:N0} case ids", $"{Mb(pipedSmallWs)} / {Mb(pipedBigWs)} ({(double)pipedBigWs / pipedSmallWs:N2}x)");

if (quick) Console.WriteLine("(--quick: docs/performance.md is left as it is.)");
else
{
    var command = "dotnet run -c Release --project bench/Omnidesk.Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
    Report.Write(Path.Combine(repo, "docs", "performance.md"), command, Path.Combine(meta["ModuleDirectory"], "Omnidesk.dll"), rows);
    Console.WriteLine("Figures written to docs/performance.md.");
}
return 0;

static double[] RunProbe(string empty, string manifest, Uri uri)
{
    // The apphost, or `dotnet <dll>` when started that way.
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Emulator).Assembly.Location);
    foreach (var a in new[] { "--import-probe", empty, manifest, uri.ToString() }) start.ArgumentList.Add(a);
    using var probe = Process.Start(start)!;
    var stderr = probe.StandardError.ReadToEndAsync();
    var output = probe.StandardOutput.ReadToEnd();
    probe.WaitForExit();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("PROBE ", StringComparison.Ordinal))
               ?? throw new InvalidOperationException("The import probe failed: " + output + stderr.Result);
    return line.Split(' ').Skip(1).Select(double.Parse).ToArray();
}

static int ImportProbe(string empty, string manifest, Uri uri)
{
    using var pwsh = new Pwsh();
    var times = new[]
    {
        pwsh.Time("Import-Module $M -ErrorAction Stop", ("M", empty)),
        pwsh.Time("Import-Module $M -ErrorAction Stop", ("M", manifest)),
        pwsh.Time("Connect-Omnidesk -BaseUri $Uri -Credential $Cred", ("Uri", uri), ("Cred", Pwsh.Credential())),
    };
    Console.WriteLine("PROBE " + string.Join(' ', times.Select(t => (t * 1000).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
    return 0;
}

// Reads the pages until one has fewer than 100 cases, deserializing each case into a small record.
static long PlainList(Uri baseUri, IEnumerable<string> pages)
{
    using var http = new HttpClient { BaseAddress = baseUri };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Emulator.Email + ":" + Emulator.ApiKey)));
    var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    long count = 0;
    foreach (var page in pages)
    {
        using var doc = JsonDocument.Parse(http.GetStreamAsync(page.TrimStart('/')).Result);
        var items = 0;
        foreach (var item in doc.RootElement.EnumerateObject())
        {
            if (item.Name == "total_count") continue;
            if (item.Value.GetProperty("case").Deserialize<PlainCase>(json)!.CaseId > 0) items++;
        }
        count += items;
        if (items < 100) break;
    }
    return count;
}

// Streams a whole listing, sampling the memory.
static (long Count, long PeakHeap, long PeakWorkingSet) StreamPeak(Pwsh pwsh, Emulator emulator)
{
    pwsh.Connect(emulator);
    long count = 0;
    var (heap, _, workingSet, _) = Peak(() => count = pwsh.CountCases());
    return (count, heap, workingSet);
}

// Pipes the ids 2000, 2001, ... into Get-OmnideskCase and on to Out-Null, sampling the memory. The emulator has a case
// for each (ids from 2000 up, trashed and merged ones too, can be read by id), so no id repeats, and its log proves
// that every id was read: a pipeline that read fewer would look flatter.
static (long PeakHeap, long PeakLiveHeap, long PeakWorkingSet, double Seconds, int Collections) PipePeak(Pwsh pwsh, Emulator emulator, int ids)
{
    if (ids > emulator.Cases) throw new ArgumentOutOfRangeException(nameof(ids), $"The emulator has only {emulator.Cases:N0} cases.");
    emulator.ClearRequests();
    var clock = Stopwatch.StartNew();
    var (heap, live, workingSet, collections) = Peak(() => pwsh.Run("1..$N | ForEach-Object { 1999 + $_ } | Get-OmnideskCase | Out-Null", ("N", ids)));
    var seconds = clock.Elapsed.TotalSeconds;
    var reads = emulator.Requests().Count(r => r.Method == "GET" && r.Path.StartsWith("/api/cases/", StringComparison.Ordinal));
    if (reads != ids) throw new InvalidOperationException($"{ids:N0} piped ids made {reads:N0} case reads.");
    return (heap, live, workingSet, seconds, collections);
}

// Runs the action after a full collection while a timer samples the GC heap and the working set every 10 ms; the peaks,
// and the gen0 collections during the run. The heap sample counts garbage not yet collected, so a run that ends before
// its first collection peaks lower than one that reaches them: the count says which one was measured. The heap as the
// last collection left it (GCMemoryInfo.HeapSizeBytes) counts only what was alive then, so it grows only when the
// command holds on to more.
static (long PeakHeap, long PeakLiveHeap, long PeakWorkingSet, int Collections) Peak(Action run)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    long heap = 0, live = 0, workingSet = 0;
    var gate = new object();
    void Sample()
    {
        var h = GC.GetTotalMemory(false);
        var l = GC.GetGCMemoryInfo().HeapSizeBytes;
        var w = Environment.WorkingSet;
        lock (gate) { heap = Math.Max(heap, h); live = Math.Max(live, l); workingSet = Math.Max(workingSet, w); }
    }
    Sample();
    var collections = GC.CollectionCount(0);
    using (new Timer(_ => Sample(), null, 0, 10)) run();
    collections = GC.CollectionCount(0) - collections;
    Sample();
    lock (gate) return (heap, live, workingSet, collections);
}

static double Median(IEnumerable<double> values)
{
    var v = values.OrderBy(x => x).ToArray();
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
}

static string Ms(double ms) => $"{ms:N0} ms";
static string Mb(long bytes) => $"{bytes / 1048576.0:N1} MB";

sealed record PlainCase(long CaseId, string CaseNumber, string Subject, string Status, string Priority, long StaffId, string CreatedAt, string UpdatedAt);
