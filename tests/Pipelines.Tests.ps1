# The module's objects in the pipelines sysadmins write: Select-Object, Sort-Object, Group-Object, Where-Object,
# Measure-Object, Export-Csv/Import-Csv, ConvertTo-Json, Format-Table | Out-String, ForEach-Object -Parallel and
# Start-ThreadJob. Expected values come from the emulator's own answers, not from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator
    $manifest = Get-TestModuleManifest
    $credential = New-DemoCredential

    function Invoke-Api([string] $PathAndQuery) {
        Invoke-RestMethod -Uri ($emulator.BaseUri + $PathAndQuery) -Credential $credential -Authentication Basic -AllowUnencryptedAuthentication
    }
    function Get-ApiTotal([string] $Query) { (Invoke-Api "api/cases.json?$Query&limit=1").total_count }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Pipelines' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'Select-Object -First stops the listing after the objects it needs: one request' {
        $picked = Get-OmnideskCase -PageSize 20 | Select-Object CaseId, Subject -First 5
        $picked.Count | Should -Be 5
        $picked[0].PSObject.Properties.Name | Should -Be @('CaseId', 'Subject')
        @(Get-EmulatorRequest $emulator | Where-Object path -eq '/api/cases.json').Count | Should -Be 1
    }

    It 'Sort-Object orders typed values (dates as dates, ids as numbers)' {
        $sorted = Get-OmnideskCase -Status waiting | Sort-Object UpdatedAt -Descending
        $sorted.Count | Should -Be (Get-ApiTotal 'status=waiting')
        for ($i = 1; $i -lt $sorted.Count; $i++) { $sorted[$i - 1].UpdatedAt | Should -BeGreaterOrEqual $sorted[$i].UpdatedAt }
        (Get-OmnideskCase -First 30 | Sort-Object CaseId -Descending)[0].CaseId | Should -BeOfType [long]
    }

    It 'Group-Object by Status gives the API''s count for each status' {
        $groups = Get-OmnideskCase | Group-Object Status
        foreach ($group in $groups) { $group.Count | Should -Be (Get-ApiTotal "status=$($group.Name)") -Because $group.Name }
        ($groups.Name | Sort-Object) | Should -Be @('closed', 'open', 'waiting')
    }

    It 'Where-Object and Measure-Object count what the API counts' {
        $critical = Get-OmnideskCase | Where-Object Priority -eq 'critical' | Measure-Object
        $critical.Count | Should -Be (Get-ApiTotal 'priority=critical')
        (Get-OmnideskCase -Status open | Measure-Object).Count | Should -Be (Get-ApiTotal 'status=open')
    }

    It 'Export-Csv, then Import-Csv gives the same cases back, piped by their ids' {
        $path = Join-Path $TestDrive 'open.csv'
        $cases = Get-OmnideskCase -Status open -First 10
        $cases | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows.CaseId | Should -Be ($cases.CaseId | ForEach-Object { "$_" })
        ($rows | Get-OmnideskCase).CaseNumber | Should -Be $cases.CaseNumber
    }

    It 'Get-OmnideskCase | Get-OmnideskMessage | Export-Csv writes a row per message' {
        $path = Join-Path $TestDrive 'messages.csv'
        Get-OmnideskCase -CaseId 2001, 2002 | Get-OmnideskMessage | Export-Csv $path -NoTypeInformation
        $expected = @((Invoke-Api 'api/cases/2001/messages.json').PSObject.Properties | Where-Object Name -ne 'total_count').Count +
                    @((Invoke-Api 'api/cases/2002/messages.json').PSObject.Properties | Where-Object Name -ne 'total_count').Count
        @(Import-Csv $path).Count | Should -Be $expected
    }

    It 'ConvertTo-Json keeps ids, text and dates' {
        $case = Get-OmnideskCase -CaseId 2001
        $json = $case | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $json.CaseId | Should -Be 2001
        $json.Subject | Should -Be $case.Subject
        [DateTimeOffset]$json.CreatedAt | Should -Be $case.CreatedAt
        (Get-OmnideskMessage -CaseId 2001 | ConvertTo-Json -Depth 4 | ConvertFrom-Json).Count | Should -BeGreaterThan 0
    }

    It 'Format-Table | Out-String fits 120 columns and shows the view''s columns' {
        $text = Get-OmnideskCase -First 20 | Format-Table | Out-String -Width 120
        $lines = $text -split '\r?\n'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        ($lines | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match 'CaseId\s+CaseNumber\s+Status\s+Priority'
    }

    It 'ForEach-Object -Parallel: each runspace connects for itself, and its cases pipe on in the caller' {
        $uri = $emulator.BaseUri
        $cases = 2001..2004 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:manifest
            Connect-Omnidesk -BaseUri $using:uri -Credential $using:credential
            Get-OmnideskCase -CaseId $_
        }
        ($cases.CaseId | Sort-Object) | Should -Be @(2001, 2002, 2003, 2004)
        $changed = $cases | Set-OmnideskCase -Priority low -PassThru
        ($changed.Priority | Sort-Object -Unique) | Should -Be 'low'
    }

    It 'ForEach-Object -Parallel without a connection of its own fails clearly: the default connection belongs to a runspace' {
        $errors = 1..2 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            try { Get-OmnideskCase -First 1; 'connected' } catch { $_.FullyQualifiedErrorId }
        }
        $errors | Should -Be (@('OmnideskNotConnected,Omnidesk.Commands.GetOmnideskCaseCommand') * 2)
    }

    It 'Start-ThreadJob: a job with its own connection; its cases pipe on in the caller' {
        $uri = $emulator.BaseUri
        $job = Start-ThreadJob -ScriptBlock {
            Import-Module $using:manifest
            Connect-Omnidesk -BaseUri $using:uri -Credential $using:credential
            Get-OmnideskCase -Status waiting -First 3
        }
        $cases = $job | Receive-Job -Wait -AutoRemoveJob
        $cases.Count | Should -Be 3
        ($cases | Get-OmnideskMessage -First 1).CaseId | Should -Be $cases.CaseId
    }
}
