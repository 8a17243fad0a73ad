#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the Omnidesk module into out/Omnidesk, runs the tests, or tries the module against the local emulator.
.EXAMPLE
    ./build.ps1                 # build out/Omnidesk (Release)
.EXAMPLE
    ./build.ps1 -Test           # build and run every test
.EXAMPLE
    ./build.ps1 -Demo           # build, then list cases from the local emulator in this session
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    [switch] $Demo
)
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    # The same commands as README.md and .ci/run, so there is one way to build.
    if ($Test) {
        dotnet test OmnideskPS.sln -c $Configuration
    } else {
        dotnet build OmnideskPS.sln -c $Configuration
    }
    if ($LASTEXITCODE -ne 0) { throw "dotnet exited with code $LASTEXITCODE" }
    if ($Demo) {
        Import-Module (Join-Path $PSScriptRoot 'out/Omnidesk/Omnidesk.psd1') -Force
        Connect-Omnidesk -Demo
        Get-OmnideskCase -Status open -First 10
    }
}
finally {
    Pop-Location
}
