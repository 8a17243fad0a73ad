# What users do with the output: Export-Csv, ConvertTo-Json, Export-Clixml and tables. A CSV cell must hold the
# values (labels, e-mails, custom fields, attachment names), never a type name such as System.Int64[].
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator

    # Ideas too: a case's Idea is a nested object, which Export-Csv writes as its ToString.
    $cases = @(Get-OmnideskCase -First 100) + @(Get-OmnideskCase -Channel idea -First 3)
    $messages = @($cases | Select-Object -First 30 | Get-OmnideskMessage)
    $outputs = @{
        cases      = $cases
        messages   = $messages
        changelog  = @($cases | Select-Object -First 5 | Get-OmnideskCaseChangelog)
        filters    = @(Get-OmnideskFilter)
        connection = @(Get-OmnideskConnection)
    }

    # "System.String[]", "Omnidesk.OmnideskAttachment[]", "System.Collections.Generic.Dictionary`2[...]"; matched
    # case-sensitively, as e-mail domains such as omnidesk.test are not type names.
    $typeNamePattern = '\b(System|Omnidesk)\.[A-Z]|`\d|\[\]'

    function ConvertTo-CsvRow([object[]] $InputObject) {
        $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.csv')
        $InputObject | Export-Csv -Path $path -NoTypeInformation -Encoding utf8
        @(Import-Csv -Path $path -Encoding utf8)
    }

    # The reading rules the types document: list items split at "; ", custom fields before each "; cf_N=".
    function Split-CsvList([string] $Cell) { if ($Cell -eq '') { @() } else { $Cell -split '; ' } }
    function Split-CsvCustomFields([string] $Cell) { if ($Cell -eq '') { @() } else { $Cell -split '; (?=cf_\d+=)' } }

    function Get-FieldNumber([string] $Key) { [long]($Key -replace '^cf_', '') }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Export-Csv' {
    BeforeAll {
        $caseRows = ConvertTo-CsvRow $cases
        $messageRows = ConvertTo-CsvRow $messages
    }

    It 'the sample has the collections worth exporting' {
        # without them the tests below would pass on empty cells
        @($cases | Where-Object { $_.Labels.Count -gt 1 }) | Should -Not -BeNullOrEmpty
        @($cases | Where-Object { $_.LockedLabels.Count -gt 0 }) | Should -Not -BeNullOrEmpty
        @($cases | Where-Object { $_.CcEmails.Count -gt 1 }) | Should -Not -BeNullOrEmpty
        @($cases | Where-Object { $_.CustomFields.Count -gt 1 }) | Should -Not -BeNullOrEmpty
        @($cases | Where-Object { $null -ne $_.Idea }) | Should -Not -BeNullOrEmpty
        @($messages | Where-Object { $_.Attachments.Count -gt 0 }) | Should -Not -BeNullOrEmpty
    }

    It 'no cell of the <Name> is a type name' -ForEach @(
        @{ Name = 'cases' }, @{ Name = 'messages' }, @{ Name = 'changelog' }, @{ Name = 'filters' }, @{ Name = 'connection' }
    ) {
        $rows = ConvertTo-CsvRow $outputs[$Name]
        $rows.Count | Should -Be $outputs[$Name].Count
        $typeNames = foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties) { if ($cell.Value -cmatch $typeNamePattern) { "$($cell.Name): $($cell.Value)" } }
        }
        $typeNames | Should -BeNullOrEmpty
    }

    It 'labels, locked labels and e-mails are the values joined by "; "' {
        for ($i = 0; $i -lt $cases.Count; $i++) {
            $case, $row = $cases[$i], $caseRows[$i]
            $row.CaseId | Should -Be $case.CaseId
            Split-CsvList $row.Labels | Should -Be ([string[]]$case.Labels)
            Split-CsvList $row.LockedLabels | Should -Be ([string[]]$case.LockedLabels)
            Split-CsvList $row.CcEmails | Should -Be ([string[]]$case.CcEmails)
            Split-CsvList $row.BccEmails | Should -Be ([string[]]$case.BccEmails)
        }
    }

    It 'custom fields are cf_N=value pairs sorted by N' {
        for ($i = 0; $i -lt $cases.Count; $i++) {
            $case, $row = $cases[$i], $caseRows[$i]
            $pairs = @(Split-CsvCustomFields $row.CustomFields | ForEach-Object { , ($_ -split '=', 2) })
            $keys = @($pairs | ForEach-Object { $_[0] })
            $keys | Should -Be @($case.CustomFields.Keys | Sort-Object { Get-FieldNumber $_ })
            foreach ($pair in $pairs) {
                # booleans read True/False, as PowerShell writes them
                $pair[1] | Should -BeExactly ([string]$case.CustomFields[$pair[0]])
            }
        }
    }

    It 'an empty collection is an empty cell' {
        $unlabelled = (0..($cases.Count - 1)).Where({ $cases[$_].Labels.Count -eq 0 }, 'First')[0]
        $caseRows[$unlabelled].Labels | Should -BeExactly ''
        $withoutFiles = (0..($messages.Count - 1)).Where({ $messages[$_].Attachments.Count -eq 0 }, 'First')[0]
        $messageRows[$withoutFiles].Attachments | Should -BeExactly ''
    }

    It 'attachments are their file names joined by "; "' {
        for ($i = 0; $i -lt $messages.Count; $i++) {
            $messageRows[$i].MessageId | Should -Be $messages[$i].MessageId
            Split-CsvList $messageRows[$i].Attachments | Should -Be @($messages[$i].Attachments.FileName)
        }
    }

    It 'an idea is its stage and content' {
        $idea = (0..($cases.Count - 1)).Where({ $null -ne $cases[$_].Idea }, 'First')[0]
        $caseRows[$idea].Idea | Should -BeExactly ('{0}: {1}' -f $cases[$idea].Idea.Stage, $cases[$idea].Idea.Content)
    }
}

Describe 'ConvertTo-Json and Export-Clixml' {
    BeforeAll {
        $case = $cases | Where-Object { $_.Labels.Count -gt 1 -and $_.CustomFields.Count -gt 1 -and $_.CcEmails.Count -gt 0 } |
            Select-Object -First 1
    }

    It 'ConvertTo-Json writes the lists as JSON arrays and custom fields as an object' {
        $json = $case | ConvertTo-Json -Depth 4
        $json | Should -Match '"Labels":\s*\['
        $json | Should -Match '"CcEmails":\s*\['
        $json | Should -Match '"CustomFields":\s*\{'
        $parsed = $json | ConvertFrom-Json
        @($parsed.Labels) | Should -Be @($case.Labels)
        @($parsed.CcEmails) | Should -Be @($case.CcEmails)
        $parsed.CustomFields.PSObject.Properties.Name | Should -Be @($case.CustomFields.Keys)
        foreach ($key in $case.CustomFields.Keys) { $parsed.CustomFields.$key | Should -Be $case.CustomFields[$key] }
    }

    It 'Import-Clixml gives back the labels, e-mails and custom fields' {
        $path = Join-Path $TestDrive 'case.xml'
        $case | Export-Clixml -Path $path
        $back = Import-Clixml -Path $path
        @($back.Labels) | Should -Be @($case.Labels)
        $back.Labels -contains $case.Labels[1] | Should -BeTrue
        @($back.CcEmails) | Should -Be @($case.CcEmails)
        @($back.CustomFields.Keys | Sort-Object) | Should -Be @($case.CustomFields.Keys | Sort-Object)
        foreach ($key in $case.CustomFields.Keys) { $back.CustomFields[$key] | Should -Be $case.CustomFields[$key] }
    }

    It 'the collections work as arrays and dictionaries do in PowerShell' {
        $case.Labels -contains $case.Labels[1] | Should -BeTrue
        $case.Labels.Count | Should -BeGreaterThan 1
        $case.Labels[-1] | Should -Be (@($case.Labels)[$case.Labels.Count - 1])
        @(foreach ($label in $case.Labels) { $label }).Count | Should -Be $case.Labels.Count
        $key = @($case.CustomFields.Keys)[0]
        $case.CustomFields.$key | Should -Be $case.CustomFields[$key]
        $case.CustomFields[$key.ToUpperInvariant()] | Should -Be $case.CustomFields[$key]
    }
}

Describe 'Format-Table' {
    It 'the <Name> table fits 120 columns with whole headers' -ForEach @(
        @{ Name = 'cases' }, @{ Name = 'messages' }, @{ Name = 'changelog' }, @{ Name = 'filters' }, @{ Name = 'connection' }
    ) {
        $lines = @(($outputs[$Name] | Format-Table | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines.Count | Should -BeGreaterThan 2
        @($lines | Where-Object { $_.Length -gt 120 }) | Should -BeNullOrEmpty
        $lines[0] | Should -Not -Match '…|\.\.\.'
    }

    Context 'times' {
        BeforeAll {
            # A local zone other than the API's +03:00, so a table in the API's offset cannot pass. .NET reads TZ on
            # Linux and macOS; Windows ignores it and the test then compares in the machine's own zone.
            $savedTz = $env:TZ
            $env:TZ = 'Pacific/Honolulu'
            [TimeZoneInfo]::ClearCachedData()
        }
        AfterAll {
            $env:TZ = $savedTz
            [TimeZoneInfo]::ClearCachedData()
        }

        It 'the case table shows UpdatedAt in local time, and says so' {
            $lines = @(($cases | Format-Table | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
            $lines[0] | Should -Match 'Updated \(local\)'
            $shown = @{}
            foreach ($line in $lines) {
                if ($line -match '^\s*(?<id>\d+) .*?(?<when>\d{4}-\d\d-\d\d \d\d:\d\d)') { $shown[[long]$Matches.id] = $Matches.when }
            }
            $dated = @($cases | Where-Object { $null -ne $_.UpdatedAt } | Sort-Object CaseId -Unique)
            $shown.Count | Should -Be $dated.Count
            foreach ($case in $dated) {
                $shown[$case.CaseId] | Should -Be $case.UpdatedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')
            }
        }

        It 'the message and changelog tables say their times are local' {
            ($messages | Format-Table | Out-String -Width 120) | Should -Match 'Created \(local\)'
            ($outputs.changelog | Format-Table | Out-String -Width 120) | Should -Match 'When \(local\)'
        }
    }
}
