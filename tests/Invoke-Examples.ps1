#Requires -Version 5.1
<#
.SYNOPSIS
    Runs help and README examples as written against the module's embedded demo, one after another, and writes one
    result per example as JSON. Run it in its own `pwsh -NonInteractive` process: a prompt then fails instead of waiting.
.DESCRIPTION
    Before each example the demo's data is reset, the session is connected to the demo (of the product the example is for), and the location is a new
    empty folder holding the files of tests/fixtures/examples (the files of the user's that examples name). An
    example passes when it throws nothing and no error reaches its error stream (errors it silences itself, with
    -ErrorAction SilentlyContinue, -ErrorVariable or try/catch, are its own business).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    # A JSON file: an array of { Id, Code, Product } (Product: the demo to connect to, OmnideskRu by default).
    [Parameter(Mandatory)] [string] $ExampleFile,
    [Parameter(Mandatory)] [string] $ResultFile,
    [string] $FixtureFolder
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$examples = Get-Content -Raw -LiteralPath $ExampleFile | ConvertFrom-Json
$results = foreach ($example in $examples) {
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('omnidesk-example-' + [guid]::NewGuid().ToString('N'))
    [void](New-Item -ItemType Directory -Path $folder)
    if ($FixtureFolder -and (Test-Path $FixtureFolder)) { Copy-Item -Path (Join-Path $FixtureFolder '*') -Destination $folder -Recurse }
    $problems = [System.Collections.Generic.List[string]]::new()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    Push-Location $folder
    try {
        $product = if ($example.Product) { $example.Product } else { 'OmnideskRu' }
        Connect-Omnidesk -Demo -Product $product
        [void](Invoke-RestMethod -Method Post -Uri ([string](Get-OmnideskConnection).BaseUri + '_emulator/reset'))
        $ErrorActionPreference = 'Continue'
        $output = & ([scriptblock]::Create($example.Code)) *>&1
        foreach ($record in @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })) {
            $problems.Add("$($record.FullyQualifiedErrorId): $record")
        }
    }
    catch {
        $problems.Add("terminating $($_.FullyQualifiedErrorId): $_")
    }
    finally {
        $ErrorActionPreference = 'Stop'
        Pop-Location
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
    [pscustomobject]@{ Id = $example.Id; Problems = @($problems); Seconds = [Math]::Round($clock.Elapsed.TotalSeconds, 2) }
}
ConvertTo-Json -InputObject @($results) -Depth 5 | Set-Content -LiteralPath $ResultFile -Encoding utf8
