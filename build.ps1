#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the Omnidesk module into out/Omnidesk, runs every test, or opens the module on the embedded demo.
.DESCRIPTION
    Run it with the repository's pinned PowerShell (`dotnet tool restore` once, then `dotnet pwsh`), or with any
    PowerShell 7.4+ or Windows PowerShell 5.1. The build of the module builds only the module (and the emulator and
    help builder it ships); -Test also builds and runs the xunit projects, then the Pester suite (tests/*.Tests.ps1).
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1                 # build out/Omnidesk (Release)
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 -Test           # build (warnings are errors), then every test: xunit, then Pester
.EXAMPLE
    dotnet pwsh -NoExit -File build.ps1 -Demo              # build, connect to the demo, list open cases, stay in the shell
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Demo
)
$ErrorActionPreference = 'Stop'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') exited with code $LASTEXITCODE" }
}

$failed = $false
Push-Location $PSScriptRoot
try {
    # A test run, as CI makes it, treats every compiler and analyzer warning as an error (see .editorconfig).
    $strict = @(if ($Test) { '-p:OmnideskStrict=true' })
    Invoke-Dotnet build src/Omnidesk/Omnidesk.csproj -c $Configuration @strict
    if ($Test) {
        # xunit: the engine, the emulator, and what needs in-process PowerShell (request counts, faults, load contexts).
        & dotnet test OmnideskPS.sln -c $Configuration @strict
        $xunitFailed = $LASTEXITCODE -ne 0
        # Pester, as users run the module: real pwsh, real pipelines, help examples, runbook-style child processes.
        Invoke-Dotnet build tests/Pester/Pester.csproj -c $Configuration
        & (Join-Path $PSScriptRoot 'tests/Invoke-PesterSuite.ps1')
        $pesterFailed = $LASTEXITCODE -ne 0
        $failed = $xunitFailed -or $pesterFailed
        if ($failed) { Write-Warning ("Tests failed: {0}" -f ((@(if ($xunitFailed) { 'xunit' }) + @(if ($pesterFailed) { 'Pester' })) -join ', ')) }
    }
    if ($Demo) {
        Import-Module (Join-Path $PSScriptRoot 'out/Omnidesk/Omnidesk.psd1') -Force -Global
        Connect-Omnidesk -Demo
        Get-OmnideskCase -Status open -First 10 | Out-Host
    }
}
finally {
    Pop-Location
}
if ($failed) { exit 1 }
