# Shared by the Pester suite (tests/*.Tests.ps1): the built module, an emulator of its own for each test file, the
# emulator's admin API, and child pwsh processes for runbook-style runs. Import it in BeforeAll / BeforeDiscovery.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path $PSScriptRoot -Parent
$script:ModuleDirectory = Join-Path $script:RepoRoot 'out/Omnidesk'

function Get-RepoRoot { $script:RepoRoot }

function Get-TestModuleManifest { Join-Path $script:ModuleDirectory 'Omnidesk.psd1' }

function Import-TestModule {
    <# Imports the built module from out/Omnidesk into the caller's session. #>
    $manifest = Get-TestModuleManifest
    if (-not (Test-Path $manifest)) { throw "The module is not built: $manifest is missing. Run: dotnet build src/Omnidesk -c Release" }
    Import-Module $manifest -Force -Global -ErrorAction Stop
}

function Get-ExpectedCmdlet {
    <# The cmdlets the module exports, sorted. #>
    @('Connect-Omnidesk', 'Disconnect-Omnidesk', 'Get-OmnideskCase', 'Get-OmnideskCaseChangelog', 'Get-OmnideskConnection',
        'Get-OmnideskFilter', 'Get-OmnideskLanguage', 'Get-OmnideskMessage', 'Invoke-OmnideskRequest', 'New-OmnideskCase', 'New-OmnideskMessage', 'New-OmnideskNote',
        'Remove-OmnideskCase', 'Remove-OmnideskIdeaResponse', 'Remove-OmnideskMessage', 'Remove-OmnideskNote',
        'Restore-OmnideskCase', 'Save-OmnideskAttachment', 'Set-OmnideskCase', 'Set-OmnideskIdea', 'Set-OmnideskIdeaResponse',
        'Set-OmnideskMessage', 'Set-OmnideskNote', 'Set-OmnideskRating',
        # Omnidesk.com (API v2)
        'Get-OmnideskTicket', 'New-OmnideskTicket', 'Set-OmnideskTicket', 'Remove-OmnideskTicket', 'Get-OmnideskTicketTimeline',
        'New-OmnideskTicketMessage', 'New-OmnideskTicketNote', 'Get-OmnideskCustomer', 'New-OmnideskCustomer', 'Set-OmnideskCustomer',
        'Get-OmnideskAgent', 'Get-OmnideskView') | Sort-Object
}

function Get-PwshCommand {
    <#
    The PowerShell running this suite, for child processes of the same version: its executable and the arguments that
    come before the script's. Under `dotnet pwsh` the process is dotnet itself, so the tool's pwsh.dll is named.
    #>
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -ne 'dotnet') { return @($process) }
    foreach ($name in 'pwsh', 'pwsh.exe') {
        $apphost = Join-Path $PSHOME $name
        if (Test-Path $apphost -PathType Leaf) { return @($apphost) }
    }
    @($process, (Join-Path $PSHOME 'pwsh.dll'))
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts the module's emulator on a free loopback port; it exits with this process at the latest.
    .OUTPUTS
        An object with BaseUri (ending in /), Uri (as [uri]) and Process.
    #>
    param([string[]] $Switch = @())
    $dll = Join-Path $script:ModuleDirectory 'Emulator/Omnidesk.Emulator.dll'
    if (-not (Test-Path $dll)) { throw "The emulator is not in the built module: $dll" }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($arg in @($dll, '--urls', 'http://127.0.0.1:0', '--parent-pid', "$PID") + $Switch) { $start.ArgumentList.Add($arg) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $process.BeginErrorReadLine()   # read and dropped: a full pipe must never block the emulator
    $marker = 'Omnidesk emulator listening on '
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        $line = $process.StandardOutput.ReadLineAsync()
        if (-not $line.Wait([Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)) -or $null -eq $line.Result) {
            try { $process.Kill() } catch { }
            throw 'The emulator did not report its address.'
        }
        if ($line.Result.StartsWith($marker)) { break }
    }
    $base = $line.Result.Substring($marker.Length).Trim().TrimEnd('/') + '/'
    [pscustomobject]@{ BaseUri = $base; Uri = [uri]$base; Process = $process }
}

function Stop-TestEmulator {
    param([Parameter(Mandatory)] $Emulator)
    try {
        if (-not $Emulator.Process.HasExited) { $Emulator.Process.Kill(); [void]$Emulator.Process.WaitForExit(10000) }
    } catch { }
}

function New-DemoCredential {
    param([string] $Email = 'demo@omnidesk.test', [string] $ApiKey = 'demo-api-key')
    [pscredential]::new($Email, (ConvertTo-SecureString $ApiKey -AsPlainText -Force))
}

function Connect-TestEmulator {
    <# Connects this runspace to the emulator with the demo account; fast retries so fault tests take milliseconds. #>
    param([Parameter(Mandatory)] $Emulator, [switch] $PassThru)
    Connect-Omnidesk -BaseUri $Emulator.BaseUri -Credential (New-DemoCredential) -RetryBaseDelaySec 0.01 -PassThru:$PassThru
}

function Connect-TestComEmulator {
    <#
    Connects this runspace to the emulator's Omnidesk.com (API v2) account with a demo key (demo-com-api-key has every
    permission; nostatus-com-api-key and readonly-com-api-key have fewer); fast retries as above.
    #>
    param([Parameter(Mandatory)] $Emulator, [string] $ApiKey = 'demo-com-api-key', [switch] $PassThru)
    Connect-Omnidesk -BaseUri $Emulator.BaseUri -Product OmnideskCom -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force) `
        -RetryBaseDelaySec 0.01 -PassThru:$PassThru
}

function Invoke-ComApi {
    <# The emulator's Omnidesk.com API itself (the expected values of tests), with the full demo key. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $PathAndQuery, [string] $Method = 'GET', $Body)
    $arguments = @{ Method = $Method; Uri = $Emulator.BaseUri + 'api/v2/' + $PathAndQuery; Headers = @{ apiKey = 'demo-com-api-key' } }
    if ($null -ne $Body) { $arguments.Body = $Body }
    Invoke-RestMethod @arguments
}

function Invoke-EmulatorAdmin {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Method, [Parameter(Mandatory)] [string] $Path, $Body)
    $arguments = @{ Method = $Method; Uri = $Emulator.BaseUri + $Path }
    if ($null -ne $Body) { $arguments.Body = ConvertTo-Json $Body -Depth 10 -Compress; $arguments.ContentType = 'application/json' }
    Invoke-RestMethod @arguments
}

function Reset-TestEmulator {
    <# Back to the seeded data, with the request log cleared. #>
    param([Parameter(Mandatory)] $Emulator)
    [void](Invoke-EmulatorAdmin $Emulator POST '_emulator/reset')
}

function Get-EmulatorRequest {
    <# Every /api request the emulator received since the last reset or clear, in order: Method, Path, Query, Status. #>
    param([Parameter(Mandatory)] $Emulator)
    @((Invoke-EmulatorAdmin $Emulator GET '_emulator/requests').requests)
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    [void](Invoke-EmulatorAdmin $Emulator DELETE '_emulator/requests')
}

function Set-EmulatorConfig {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Config)
    [void](Invoke-EmulatorAdmin $Emulator PUT '_emulator/config' $Config)
}

function Add-EmulatorFault {
    <# Scripted faults, e.g. @{ path = '/api/cases/2001.json'; method = 'PUT'; status = 500; times = 1 } (see docs/emulator.md). #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [object[]] $Fault)
    [void](Invoke-EmulatorAdmin $Emulator POST '_emulator/faults' $Fault)
}

function Invoke-TestPwsh {
    <#
    .SYNOPSIS
        Runs a script in a new pwsh process, as a runbook or a scheduled task would: -NoProfile -NonInteractive -File.
    .DESCRIPTION
        The script gets $ModuleManifest, and $EmulatorUri when -Emulator is given, as variables. A run that does not
        end within -TimeoutSec is killed and reported with TimedOut = $true (a prompt that hangs, for example).
        -Interactive leaves out -NonInteractive; -InputLines are then what a user types at prompts ('' is Enter).
    .OUTPUTS
        ExitCode, Output (stdout lines), Errors (stderr lines), TimedOut.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        $Emulator,
        [int] $TimeoutSec = 60,
        [switch] $Interactive,
        [string[]] $InputLines = @()
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("omnidesk-test-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
    $prologue = "`$ModuleManifest = '{0}'`n" -f (Get-TestModuleManifest).Replace("'", "''")
    if ($Emulator) { $prologue += "`$EmulatorUri = '{0}'`n" -f $Emulator.BaseUri }
    Set-Content -Path $file -Value ($prologue + $Script) -Encoding utf8
    try {
        $pwsh = @(Get-PwshCommand)
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($arg in @($pwsh | Select-Object -Skip 1) + @('-NoProfile') + $(if ($Interactive) { @() } else { @('-NonInteractive') }) + @('-File', $file)) { $start.ArgumentList.Add($arg) }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.RedirectStandardInput = $true
        $start.Environment['NO_COLOR'] = '1'
        $process = [System.Diagnostics.Process]::Start($start)
        foreach ($line in $InputLines) { $process.StandardInput.WriteLine($line) }
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $timedOut = -not $process.WaitForExit($TimeoutSec * 1000)
        if ($timedOut) { try { $process.Kill($true) } catch { } ; [void]$process.WaitForExit(10000) }
        [pscustomobject]@{
            ExitCode = if ($timedOut) { $null } else { $process.ExitCode }
            Output   = @($stdout.Result -split '\r?\n' | Where-Object { $_ -ne '' })
            Errors   = @($stderr.Result -split '\r?\n' | Where-Object { $_ -ne '' })
            TimedOut = $timedOut
        }
    }
    finally {
        Remove-Item $file -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function *
