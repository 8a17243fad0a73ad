# Connect-Omnidesk -Demo as a user meets it (its own emulator on a free port, a Ctrl+C in the console), and connects
# to an address that cannot be reached. The demo runs in child pwsh processes: the emulator it starts lives as long
# as the process that started it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }

    function Invoke-FailingConnect {
        <# Runs a Connect-Omnidesk that must fail: its error, its -Verbose lines and how long it took. #>
        param([hashtable] $Arguments)
        $lines = [System.Collections.Generic.List[string]]::new()
        $failure = $null
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        try {
            Connect-Omnidesk @Arguments -Credential (New-DemoCredential) -Verbose -ErrorAction Stop 4>&1 3>&1 |
                ForEach-Object { $lines.Add("$_") }
        }
        catch { $failure = $_ }
        $watch.Stop()
        [pscustomobject]@{ Error = $failure; Lines = $lines; Elapsed = $watch.Elapsed }
    }
}

Describe 'Connect-Omnidesk -Demo' {
    It 'keeps working after a Ctrl+C (SIGINT) reaches the emulator' -Skip:([System.IO.Path]::DirectorySeparatorChar -eq '\') {
        $r = Invoke-TestPwsh -TimeoutSec 120 -Script @'
Import-Module $ModuleManifest
$log = Connect-Omnidesk -Demo -Verbose 4>&1 | Out-String
$emulatorPid = [int][regex]::Match($log, 'Started the Omnidesk emulator \(process (\d+)\)').Groups[1].Value
if ($emulatorPid -le 0) { throw "No emulator process in: $log" }   # kill -INT 0 would signal this whole group
/bin/kill -INT $emulatorPid
if ($LASTEXITCODE -ne 0) { throw "kill -INT $emulatorPid failed" }
Start-Sleep -Milliseconds 1500   # the signal is handled asynchronously: give it time to act
"alive=$([bool](Get-Process -Id $emulatorPid -ErrorAction SilentlyContinue))"
"cases=$(@(Get-OmnideskCase -First 3 -ErrorAction Stop).Count)"
'@
        $r.TimedOut | Should -BeFalse
        $r.Errors | Should -BeNullOrEmpty
        $r.Output | Should -Contain 'alive=True'
        $r.Output | Should -Contain 'cases=3'
        $r.ExitCode | Should -Be 0
    }

    It 'uses its own emulator, and never contacts a program that holds port 5080' {
        # Port 5080, the emulator's default, held by "another program". When some other program already holds it,
        # that is the same situation.
        $foreign = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 5080)
        try { $foreign.Start() } catch [System.Net.Sockets.SocketException] { $foreign = $null }
        try {
            # Every HTTP request the child process makes, from .NET's own telemetry: counting connections at the
            # listener instead would also count other programs on this machine that probe port 5080.
            $r = Invoke-TestPwsh -TimeoutSec 120 -Script @'
Add-Type -TypeDefinition @"
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
public sealed class HttpRequestRecorder : EventListener
{
    public static readonly ConcurrentQueue<string> Requests = new ConcurrentQueue<string>();
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "System.Net.Http") EnableEvents(source, EventLevel.Informational);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName == "RequestStart") Requests.Enqueue(string.Format("{0}://{1}:{2}{3}", e.Payload[0], e.Payload[1], e.Payload[2], e.Payload[3]));
    }
}
"@
$recorder = [HttpRequestRecorder]::new()
Import-Module $ModuleManifest
$connection = Connect-Omnidesk -Demo -PassThru
"base=$($connection.BaseUri)"
"cases=$(@(Get-OmnideskCase -First 3 -ErrorAction Stop).Count)"
[HttpRequestRecorder]::Requests | ForEach-Object { "request=$_" }
'@
            $r.Errors | Should -BeNullOrEmpty
            $r.Output | Should -Contain 'cases=3'
            $base = ($r.Output | Where-Object { $_ -like 'base=*' }) -replace '^base='
            ([uri]$base).Port | Should -Not -Be 5080
            $requests = @($r.Output | Where-Object { $_ -like 'request=*' }) -replace '^request='
            $requests.Count | Should -BeGreaterThan 1
            $requests | Where-Object { -not $_.StartsWith($base) } | Should -BeNullOrEmpty -Because 'the demo must talk only to the emulator it started'
            $r.ExitCode | Should -Be 0
        }
        finally { if ($foreign) { $foreign.Stop() } }
    }

    It 'shares one emulator between connects and runspaces of a process, and starts a new one after it exited' {
        $r = Invoke-TestPwsh -TimeoutSec 120 -Script @'
Import-Module $ModuleManifest
$first = Connect-Omnidesk -Demo -PassThru -Verbose 4>&1
$emulatorPid = [int][regex]::Match(($first | Out-String), 'Started the Omnidesk emulator \(process (\d+)\)').Groups[1].Value
if ($emulatorPid -le 0) { throw "No emulator process in: $($first | Out-String)" }
$first = $first | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
$second = Connect-Omnidesk -Demo -PassThru
$runspace = [powershell]::Create()
$other = $runspace.AddScript("Import-Module '$ModuleManifest'; Connect-Omnidesk -Demo -PassThru").Invoke()
$runspace.Streams.Error | ForEach-Object { Write-Error "other runspace: $_" }
"first=$($first.BaseUri)"
"second=$($second.BaseUri)"
"other=$($other[0].BaseUri)"

# The process object is taken before the kill: once it has exited, its id may no longer be found.
$emulator = Get-Process -Id $emulatorPid
$emulator.Kill()
if (-not $emulator.WaitForExit(10000)) { throw "The emulator $emulatorPid did not exit." }
$log = Connect-Omnidesk -Demo -Verbose 4>&1 | Out-String
$newPid = [int][regex]::Match($log, 'Started the Omnidesk emulator \(process (\d+)\)').Groups[1].Value
"restarted=$($newPid -gt 0 -and $newPid -ne $emulatorPid)"
"cases=$(@(Get-OmnideskCase -First 2 -ErrorAction Stop).Count)"
'@
        $r.Errors | Should -BeNullOrEmpty
        $first = ($r.Output | Where-Object { $_ -like 'first=*' }) -replace '^first='
        $first | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $r.Output | Should -Contain "second=$first"
        $r.Output | Should -Contain "other=$first"
        $r.Output | Should -Contain 'restarted=True'
        $r.Output | Should -Contain 'cases=2'
        $r.ExitCode | Should -Be 0
    }
}

Describe 'Connect-Omnidesk -Demo without a working emulator' {
    BeforeEach {
        # A copy of the built module whose Emulator folder the test can break.
        $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item (Split-Path (Get-TestModuleManifest) -Parent) $copy -Recurse
        $script = @"
Import-Module '$(Join-Path $copy 'Omnidesk.psd1')'
try { Connect-Omnidesk -Demo -ErrorAction Stop }
catch { "id=`$(`$_.FullyQualifiedErrorId)"; "category=`$(`$_.CategoryInfo.Category)"; "message=`$(`$_.Exception.Message)" }
"@
    }

    It 'says the emulator is missing' {
        Remove-Item (Join-Path $copy 'Emulator') -Recurse

        $r = Invoke-TestPwsh -Script $script

        $r.Output | Should -Contain 'id=OmnideskEmulatorMissing,Omnidesk.Commands.ConnectOmnideskCommand'
        $r.Output | Should -Contain 'category=ObjectNotFound'
    }

    It 'says the emulator exited at start, with its exit code and what it wrote to stderr' {
        Set-Content (Join-Path $copy 'Emulator/Omnidesk.Emulator.dll') 'not an assembly'

        $r = Invoke-TestPwsh -Script $script

        $r.TimedOut | Should -BeFalse
        $r.Output | Should -Contain 'id=OmnideskEmulatorStartFailed,Omnidesk.Commands.ConnectOmnideskCommand'
        $r.Output | Should -Contain 'category=ResourceUnavailable'
        $r.Output | Where-Object { $_ -like 'message=*' } | Should -Match 'exited at start \(exit code -?\d+\)'
        # The message goes on with the emulator's stderr, where dotnet names the file it could not load.
        $r.Output -join "`n" | Should -Match 'message=[^\n]*\n.*Emulator[/\\]Omnidesk\.Emulator\.dll'
    }
}

Describe 'Connect-Omnidesk to an address that cannot be reached' {
    It 'fails at once, with one request, when <Case>' -ForEach @(
        @{ Case = 'the connection is refused'; Arguments = @{ BaseUri = 'http://127.0.0.1:{0}' } }
        @{ Case = 'the host name does not resolve'; Arguments = @{ Domain = 'no-such-host.invalid' } }
    ) {
        $arguments = $Arguments.Clone()
        if ($arguments.BaseUri) { $arguments.BaseUri = $arguments.BaseUri -f (Get-ClosedPort) }

        $r = Invoke-FailingConnect $arguments

        $r.Error | Should -Not -BeNullOrEmpty
        $r.Error.FullyQualifiedErrorId | Should -BeLike 'OmnideskNetworkFailure*'
        $r.Error.CategoryInfo.Category | Should -Be 'ConnectionError'
        $r.Error.ErrorDetails.Message | Should -BeLike '*Check -Domain or -BaseUri*'
        # Before, the probe was retried 5 times with backoff: about 30 s.
        $r.Elapsed.TotalSeconds | Should -BeLessThan 10
        @($r.Lines | Where-Object { $_ -like 'GET /api/filters.json -> no response*' }).Count | Should -Be 1
        @($r.Lines | Where-Object { $_ -like 'Omnidesk:*retry*' }).Count | Should -Be 0
    }
}
