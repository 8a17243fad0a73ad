# Every help example (docs/<Cmdlet>.md) and every README snippet runs as written against the module's embedded demo.
# Exempt, and reported as skipped: an example that connects to a real account (a Connect-Omnidesk without -Demo, or
# a runbook's Get-AutomationPSCredential). Files of the user's that examples read are in tests/fixtures/examples.
# Each document's examples run in one `pwsh -NonInteractive` child process (see Invoke-Examples.ps1), so an example
# that would wait at a prompt fails instead.

BeforeDiscovery {
    $repo = Split-Path $PSScriptRoot -Parent

    function Get-ExampleCode([string] $block) {
        # A block with prompts holds commands ("PS C:\> ...", continued by ">> ...") and their output; one without
        # prompts is a script, all of it code.
        $lines = $block -split '\r?\n'
        if (-not ($lines | Where-Object { $_ -match '^PS [^>]*> ' })) { return $block.Trim() }
        $code = foreach ($line in $lines) {
            if ($line -match '^PS [^>]*> (.*)$') { $Matches[1] }
            elseif ($line -match '^>> ?(.*)$') { $Matches[1] }
        }
        ($code -join "`n").Trim()
    }

    function Get-SkipReason([string] $code) {
        if ($code -match 'Get-AutomationPSCredential') { return 'runs in an Azure Automation runbook on a real account' }
        foreach ($line in $code -split '\n') {
            if ($line -match '\bConnect-Omnidesk\b' -and $line -notmatch '-Demo\b' -and $line -notmatch '^\s*#') { return 'connects to a real account' }
        }
        $null
    }

    $documents = foreach ($file in Get-ChildItem (Join-Path $repo 'docs') -Filter '*-Omnidesk*.md') {
        # the examples of an Omnidesk.com cmdlet run on the demo of that product
        $product = if ($file.BaseName -match '-Omnidesk(Ticket|Customer|Agent|View)') { 'OmnideskCom' } else { 'OmnideskRu' }
        $text = Get-Content -Raw -LiteralPath $file.FullName
        $section = ($text -split '(?m)^## EXAMPLES\s*$', 2)[1]
        $section = ($section -split '(?m)^## ', 2)[0]
        $examples = foreach ($match in [regex]::Matches($section, '(?ms)^### (?<title>[^\r\n]+)\r?\n.*?```powershell\r?\n(?<code>.*?)```')) {
            $code = Get-ExampleCode $match.Groups['code'].Value
            @{ Id = $match.Groups['title'].Value.Trim(); Code = $code; Skip = Get-SkipReason $code; Product = $product }
        }
        @{ Name = $file.BaseName; Examples = @($examples) }
    }
    $readme = Get-Content -Raw -LiteralPath (Join-Path $repo 'README.md')
    $snippets = @([regex]::Matches($readme, '(?ms)^```powershell\r?\n(?<code>.*?)```') | ForEach-Object -Begin { $n = 0 } -Process {
            $n++
            $code = Get-ExampleCode $_.Groups['code'].Value
            @{ Id = "README snippet $n"; Code = $code; Skip = Get-SkipReason $code; Product = 'OmnideskRu' }
        })
    $documents = @($documents) + @{ Name = 'README'; Examples = $snippets }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force

    function Invoke-DocumentExamples([object[]] $Examples) {
        <# Runs a document's examples in one child pwsh; returns their results by id. #>
        $runnable = @($Examples | Where-Object { -not $_.Skip } | ForEach-Object { [pscustomobject]@{ Id = $_.Id; Code = $_.Code; Product = $_.Product } })
        if ($runnable.Count -eq 0) { return @{} }
        $exampleFile = Join-Path ([IO.Path]::GetTempPath()) ('omnidesk-examples-' + [guid]::NewGuid().ToString('N') + '.json')
        $resultFile = [IO.Path]::ChangeExtension($exampleFile, '.result.json')
        ConvertTo-Json -InputObject $runnable -Depth 3 | Set-Content -LiteralPath $exampleFile -Encoding utf8
        try {
            $runner = Join-Path $PSScriptRoot 'Invoke-Examples.ps1'
            $fixtures = Join-Path $PSScriptRoot 'fixtures/examples'
            $script = "& '$runner' -ModuleManifest `$ModuleManifest -ExampleFile '$exampleFile' -ResultFile '$resultFile' -FixtureFolder '$fixtures'"
            $run = Invoke-TestPwsh -Script $script -TimeoutSec (60 + 30 * $runnable.Count)
            if ($run.TimedOut) { throw "The examples did not finish in time (a prompt waiting?). Output: $($run.Output -join "`n")" }
            if (-not (Test-Path $resultFile)) { throw "The example runner failed (exit $($run.ExitCode)): $($run.Errors + $run.Output -join "`n")" }
            $byId = @{}
            foreach ($result in @(Get-Content -Raw -LiteralPath $resultFile | ConvertFrom-Json)) { $byId[$result.Id] = $result }
            $byId
        }
        finally {
            Remove-Item -LiteralPath $exampleFile, $resultFile -ErrorAction SilentlyContinue
        }
    }
}

Describe '<Name>' -ForEach $documents {
    BeforeAll {
        $results = Invoke-DocumentExamples $Examples
    }

    It '<Id> runs as written against the demo' -ForEach $Examples {
        if ($Skip) { Set-ItResult -Skipped -Because $Skip; return }
        $result = $results[$Id]
        $result | Should -Not -BeNullOrEmpty -Because 'the runner reports every example it was given'
        $result.Problems -join "`n" | Should -BeNullOrEmpty -Because "example code:`n$Code"
    }
}
