#Requires -Version 5.1
<#
.SYNOPSIS
    Runs the Pester suite (tests/*.Tests.ps1) against the built module in out/Omnidesk, with the pinned Pester 6.2.0.
.DESCRIPTION
    Prints one line "Pester: N passed, N failed, N skipped" and exits 1 when a test failed or none passed:
    Pester's own exit code is 0 when nothing ran, and wraps at 256 failures.
    Needs `dotnet build tests/Pester -c Release` first (build.ps1 -Test does it).
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-PesterSuite.ps1 -Path tests/Cases.Tests.ps1
#>
[CmdletBinding()]
param(
    # Test files or folders; all of tests/ by default.
    [string[]] $Path = $PSScriptRoot,
    # Only tests whose full name matches (Pester's -FullNameFilter).
    [string[]] $FullName,
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Normal'
)
$ErrorActionPreference = 'Stop'
$pesterRoot = Join-Path $PSScriptRoot 'Pester/bin/Modules'
if (-not (Test-Path (Join-Path $pesterRoot 'Pester/6.2.0/Pester.psd1'))) {
    throw "Pester 6.2.0 is not laid out under $pesterRoot; run: dotnet build tests/Pester -c Release"
}
# The pinned copy first, so a Pester that came with the system (Windows PowerShell ships 3.4.0) is never taken.
$env:PSModulePath = $pesterRoot + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module Pester -RequiredVersion 6.2.0 -Force

# From `pwsh -File`, a list arrives as one text: "a.Tests.ps1,b.Tests.ps1".
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = $Output
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $PSScriptRoot 'TestResults/pester.xml'
if ($FullName) { $config.Filter.FullName = @($FullName | ForEach-Object { $_ -split ',' } | Where-Object { $_ }) }

$result = Invoke-Pester -Configuration $config
if ($null -eq $result) {
    'Pester: 0 passed, 1 failed, 0 skipped (Pester did not run)'
    exit 1
}
$failed = [int]$result.FailedCount + [int]$result.FailedBlocksCount + [int]$result.FailedContainersCount
"Pester: {0} passed, {1} failed, {2} skipped ({3:0.0} s)" -f [int]$result.PassedCount, $failed, [int]$result.SkippedCount, $result.Duration.TotalSeconds
if ($failed -gt 0 -or [int]$result.PassedCount -eq 0) { exit 1 }
exit 0
