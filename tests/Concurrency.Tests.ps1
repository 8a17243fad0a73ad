# Per-item pipelines as users write them (issue 10), against an emulator with random latency (20 ± 15 ms), so answers
# overtake one another: the output keeps the input's order, each item costs one request, a failing item is one error in
# its place, and at most -MaxConcurrency (4) requests are in flight at once. Expected values come from the emulator's
# own answers. Exact request counts and timing are in tests/Omnidesk.Tests/ItemPipelineTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator -Switch '--latency-ms', '20', '--latency-jitter-ms', '15', '--rate-limit', '100000'
    Connect-TestEmulator $emulator
    $credential = New-DemoCredential

    function Invoke-Api([string] $PathAndQuery) {
        Invoke-RestMethod -Uri ($emulator.BaseUri + $PathAndQuery) -Credential $credential -Authentication Basic -AllowUnencryptedAuthentication
    }
    function Get-RawMessage([long] $CaseId) {
        # A case's messages as the server lists them, oldest first (one page: the demo cases have a handful each).
        (Invoke-Api "api/cases/$CaseId/messages.json?limit=100&page=1").PSObject.Properties | Where-Object Name -ne 'total_count' |
            ForEach-Object { $_.Value.message }
    }
    function Get-MaxInFlight { (Invoke-EmulatorAdmin $emulator GET '_emulator/requests').max_in_flight }
    function Get-ItemRequest([string] $Pattern) { @(Get-EmulatorRequest $emulator | Where-Object path -match $Pattern) }

    # 30 listed cases in an order that is neither the server's nor sorted, so that order kept cannot be an accident.
    $listed = @((Invoke-Api 'api/cases.json?sort=created_at_asc&limit=30').PSObject.Properties | Where-Object Name -ne 'total_count' |
            ForEach-Object { [long]$_.Value.case.case_id })
    $ids = @(0..29 | Sort-Object { $_ * 17 % 30 } | ForEach-Object { $listed[$_] })
    $messageIds = @{}
    foreach ($id in $ids) { $messageIds[$id] = @(Get-RawMessage $id | ForEach-Object { [long]$_.message_id }) }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Per-item pipelines' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'Get-OmnideskCase -First 20 | Get-OmnideskMessage | Export-Csv: every message, case after case, one request per case' {
        $cases = @(Get-OmnideskCase -First 20)
        $expected = @(foreach ($case in $cases) { Get-RawMessage $case.CaseId | ForEach-Object { "$($_.message_id)" } })
        $path = Join-Path $TestDrive 'messages.csv'
        Clear-EmulatorRequest $emulator

        Get-OmnideskCase -First 20 | Get-OmnideskMessage | Export-Csv $path -NoTypeInformation

        $rows = @(Import-Csv $path)
        $rows.MessageId | Should -Be $expected
        $rows.CaseId | Select-Object -Unique | Should -Be @($cases.CaseId | ForEach-Object { "$_" })
        (Get-ItemRequest '^/api/cases/\d+/messages\.json$').Count | Should -Be 20
        (Get-ItemRequest '^/api/cases\.json$').Count | Should -Be 1
    }

    It 'Import-Csv ids.csv | Get-OmnideskCase: the cases in the order of the file, one request per row' {
        $path = Join-Path $TestDrive 'ids.csv'
        $ids | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | Export-Csv $path -NoTypeInformation
        Clear-EmulatorRequest $emulator

        $cases = Import-Csv $path | Get-OmnideskCase

        $cases.CaseId | Should -Be $ids
        @(Get-EmulatorRequest $emulator).Count | Should -Be $ids.Count
    }

    It 'the order of piped cases is kept under random latency: messages and changelogs' {
        ($ids | Get-OmnideskMessage).MessageId | Should -Be @($ids | ForEach-Object { $messageIds[$_] })
        $expected = @(foreach ($id in $ids[0..9]) { (Invoke-Api "api/cases/$id/changelog.json?limit=100&page=1").changelog | ForEach-Object { "$id $($_.event)" } })
        @($ids[0..9] | Get-OmnideskCaseChangelog | ForEach-Object { "$($_.CaseId) $($_.Event)" }) | Should -Be $expected
    }

    It 'piped ids with one that does not exist: 2>&1 shows one error between the cases of its neighbours' {
        $ErrorActionPreference = 'Continue'   # as in a script: an error does not stop the pipeline
        $piped = @($ids[0..11]) + 999999 + @($ids[12..29])

        $out = @($piped | Get-OmnideskCase 2>&1)

        $out.Count | Should -Be 31
        @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 1
        $out[12] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $out[12].FullyQualifiedErrorId | Should -Be 'OmnideskApi404.case_not_found,Omnidesk.Commands.GetOmnideskCaseCommand'
        $out[12].TargetObject | Should -Be 999999
        $out[12].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out[0..11].CaseId | Should -Be $ids[0..11]
        $out[13..30].CaseId | Should -Be $ids[12..29]
    }

    It '-ErrorVariable holds exactly the one failing case; the messages of the others all come out' {
        $piped = @($ids[0..4]) + 999999 + @($ids[5..29])

        $messages = $piped | Get-OmnideskMessage -ErrorAction SilentlyContinue -ErrorVariable failed

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskApi404.case_not_found,Omnidesk.Commands.GetOmnideskMessageCommand'
        $failed[0].TargetObject | Should -Be 999999
        $messages.MessageId | Should -Be @($ids | ForEach-Object { $messageIds[$_] })
    }

    It 'Select-Object -First 3 downstream: three cases, and at most 3 + 4 requests' {
        $cases = $ids | Get-OmnideskCase | Select-Object -First 3
        $cases.CaseId | Should -Be $ids[0..2]
        @(Get-EmulatorRequest $emulator).Count | Should -BeIn (3..7)
    }

    It 'Get-OmnideskMessage | Save-OmnideskAttachment saves the files in the order of the messages' {
        $expected = @($ids | ForEach-Object { Get-RawMessage $_ } | ForEach-Object { $_.attachments } | ForEach-Object { $_.file_name })
        $expected.Count | Should -BeGreaterThan 3

        $files = $ids | Get-OmnideskMessage | Save-OmnideskAttachment -Path (Join-Path $TestDrive 'files')

        $files.Name | Should -Be $expected
    }

    It 'piped cases have up to -MaxConcurrency (4) requests in flight at once, as the emulator sees them' {
        Clear-EmulatorRequest $emulator

        $messages = $ids | Get-OmnideskMessage

        $messages.MessageId | Should -Be @($ids | ForEach-Object { $messageIds[$_] })
        Get-MaxInFlight | Should -BeIn (2..4) -Because 'requests for the next cases are sent before the answer for the first one is back'
    }

    It 'a -NonInteractive runbook exports the messages of a CSV of case ids and reports the one case it could not read' {
        $in = Join-Path $TestDrive 'audit-cases.csv'
        $out = Join-Path $TestDrive 'audit-messages.csv'
        @($ids[0..9]) + 999999 + @($ids[10..19]) | ForEach-Object { [pscustomobject]@{ case_id = $_ } } | Export-Csv $in -NoTypeInformation

        $run = Invoke-TestPwsh -Emulator $emulator -TimeoutSec 60 -Script @"
Import-Module `$ModuleManifest
`$credential = [pscredential]::new('demo@omnidesk.test', (ConvertTo-SecureString 'demo-api-key' -AsPlainText -Force))
Connect-Omnidesk -BaseUri `$EmulatorUri -Credential `$credential
Import-Csv '$in' | Get-OmnideskMessage -ErrorAction SilentlyContinue -ErrorVariable failed | Export-Csv '$out' -NoTypeInformation
"exported {0}" -f @(Import-Csv '$out').Count
foreach (`$e in `$failed) { "failed {0} {1}" -f `$e.TargetObject, `$e.FullyQualifiedErrorId.Split(',')[0] }
"@

        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $expected = @($ids[0..19] | ForEach-Object { $messageIds[$_] } | ForEach-Object { "$_" })
        $run.Output | Should -Be @("exported $($expected.Count)", 'failed 999999 OmnideskApi404.case_not_found')
        (Import-Csv $out).MessageId | Should -Be $expected
    }
}
