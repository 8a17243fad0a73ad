# Every way sysadmins hand objects to a cmdlet, for every cmdlet that takes pipeline input: the module's own objects,
# related objects, [pscustomobject]s (id as int, long or string, under the module's or the API's name), hashtables,
# Import-Csv rows (also a CSV the module exported and a user edited), plain ids and case numbers, deserialized objects
# (Import-Clixml, Start-Job), and the output of Start-ThreadJob and ForEach-Object -Parallel. What a cmdlet did is read
# from the emulator's request log: the cases (and messages) named in the paths it requested.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator
    $manifest = Get-TestModuleManifest
    $credential = New-DemoCredential

    $numberToId = @{}
    Get-OmnideskCase -CaseId 2001, 2002, 2196, 2234 | ForEach-Object { $numberToId[$_.CaseNumber] = $_.CaseId }

    function Get-TouchedCase {
        <# The case ids named in the paths of the requests since the last reset (numbers mapped to ids), sorted. #>
        $ids = foreach ($request in Get-EmulatorRequest $emulator) {
            if ($request.path -match '^/api/cases/(?<key>[0-9][0-9,\-]*?)(/|\.json)') {
                foreach ($key in $Matches.key -split ',') { if ($numberToId.ContainsKey($key)) { $numberToId[$key] } else { [long]$key } }
            }
        }
        @($ids | Sort-Object -Unique)
    }

    function Get-TouchedMessage {
        <# "case/message" for each message or note path requested since the last reset, sorted. #>
        @(foreach ($request in Get-EmulatorRequest $emulator) {
                if ($request.path -match '^/api/cases/(?<case>[0-9]+)/(messages|note|rate)/(?<message>[0-9]+)\.json$') { "$($Matches.case)/$($Matches.message)" }
            }) | Sort-Object -Unique
    }

    function Get-WriteRequest { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -ne 'GET' }) }

    # The same two cases (or messages) in every form a user may hand them over. Built once: the objects are only read.
    function New-CaseInput([long] $First, [long] $Second) {
        $numbers = @($numberToId.Keys | Where-Object { $numberToId[$_] -in $First, $Second } | Sort-Object { $numberToId[$_] })
        $csv = Join-Path $TestDrive "cases-$First.csv"
        Get-OmnideskCase -CaseId $First, $Second, 2003 | Export-Csv $csv -NoTypeInformation
        # A user's edit: one row removed, a subject changed in the spreadsheet.
        $rows = @(Import-Csv $csv | Where-Object CaseId -ne '2003')
        $rows[0].Subject = 'Edited in a spreadsheet'
        $edited = Join-Path $TestDrive "edited-$First.csv"
        $rows | Export-Csv $edited -NoTypeInformation
        $idsCsv = Join-Path $TestDrive "ids-$First.csv"
        Set-Content -LiteralPath $idsCsv -Value @('case_id', "$First", "$Second")
        $clixml = Join-Path $TestDrive "cases-$First.xml"
        Get-OmnideskCase -CaseId $First, $Second | Export-Clixml $clixml
        $uri = $emulator.BaseUri
        [ordered]@{
            'case objects'                                   = @(Get-OmnideskCase -CaseId $First, $Second)
            'messages of the cases (a related type)'         = @((Get-OmnideskMessage -CaseId $First -First 1), (Get-OmnideskMessage -CaseId $Second -First 1))
            '[pscustomobject] with CaseId as int'            = @([pscustomobject]@{ CaseId = [int]$First }, [pscustomobject]@{ CaseId = [int]$Second })
            '[pscustomobject] with CaseId as long'           = @([pscustomobject]@{ CaseId = [long]$First }, [pscustomobject]@{ CaseId = [long]$Second })
            '[pscustomobject] with CaseId as string'         = @([pscustomobject]@{ CaseId = "$First" }, [pscustomobject]@{ CaseId = "$Second" })
            '[pscustomobject] with the API name case_id'     = @([pscustomobject]@{ case_id = "$First" }, [pscustomobject]@{ case_id = $Second })
            '[pscustomobject] with CaseNumber'               = @($numbers | ForEach-Object { [pscustomobject]@{ CaseNumber = $_ } })
            'hashtables with case_id'                        = @(@{ case_id = $First }, @{ case_id = "$Second" })
            'Import-Csv rows with a case_id column'          = @(Import-Csv $idsCsv)
            'Import-Csv rows the module exported, edited'    = @(Import-Csv $edited)
            'plain ids'                                      = @($First, $Second)
            'plain ids as text'                              = @("$First", "$Second")
            'case numbers'                                   = $numbers
            'Import-Clixml (deserialized cases)'             = @(Import-Clixml $clixml)
            'Start-Job output (deserialized cases)'          = @(Start-Job -ScriptBlock {
                    Import-Module $using:manifest; Connect-Omnidesk -BaseUri $using:uri -Credential $using:credential
                    Get-OmnideskCase -CaseId $using:First, $using:Second } | Receive-Job -Wait -AutoRemoveJob)
            'Start-ThreadJob output'                         = @(Start-ThreadJob -ScriptBlock {
                    Import-Module $using:manifest; Connect-Omnidesk -BaseUri $using:uri -Credential $using:credential
                    Get-OmnideskCase -CaseId $using:First, $using:Second } | Receive-Job -Wait -AutoRemoveJob)
            'ForEach-Object -Parallel output'                = @($First, $Second | ForEach-Object -Parallel {
                    Import-Module $using:manifest; Connect-Omnidesk -BaseUri $using:uri -Credential $using:credential
                    Get-OmnideskCase -CaseId $_ } | Sort-Object CaseId)
        }
    }
    $caseInputs = New-CaseInput 2001 2002
    $ideaInputs = New-CaseInput 2196 2234
}

AfterAll { Stop-TestEmulator $emulator }

BeforeDiscovery {
    $ways = @(
        'case objects', 'messages of the cases (a related type)', '[pscustomobject] with CaseId as int', '[pscustomobject] with CaseId as long',
        '[pscustomobject] with CaseId as string', '[pscustomobject] with the API name case_id', '[pscustomobject] with CaseNumber',
        'hashtables with case_id', 'Import-Csv rows with a case_id column', 'Import-Csv rows the module exported, edited', 'plain ids',
        'plain ids as text', 'case numbers', 'Import-Clixml (deserialized cases)', 'Start-Job output (deserialized cases)',
        'Start-ThreadJob output', 'ForEach-Object -Parallel output')
    # Each cmdlet that takes cases, as a user would pipe into it; Setup puts the cases in a state the command applies to.
    $caseCmdlets = @(
        @{ Name = 'Get-OmnideskCase'; Run = { $input | Get-OmnideskCase } }
        @{ Name = 'Set-OmnideskCase'; Run = { $input | Set-OmnideskCase -Priority critical } }
        @{ Name = 'Remove-OmnideskCase'; Run = { $input | Remove-OmnideskCase } }
        @{ Name = 'Restore-OmnideskCase'; Setup = { Remove-OmnideskCase -CaseId 2001, 2002 }; Run = { $input | Restore-OmnideskCase } }
        @{ Name = 'New-OmnideskMessage'; Run = { $input | New-OmnideskMessage -StaffId 22 -Content 'On it' } }
        @{ Name = 'New-OmnideskNote'; Run = { $input | New-OmnideskNote -Content 'Checked' } }
        @{ Name = 'Get-OmnideskMessage'; Run = { $input | Get-OmnideskMessage } }
        @{ Name = 'Get-OmnideskCaseChangelog'; Run = { $input | Get-OmnideskCaseChangelog } }
        @{ Name = 'Set-OmnideskRating (cases)'; Run = { $input | Set-OmnideskRating -Rating high }; NotFor = @('messages of the cases (a related type)') }
        @{ Name = 'Set-OmnideskIdea'; Ideas = $true; Run = { $input | Set-OmnideskIdea -Stage planned } }
        @{ Name = 'Set-OmnideskIdeaResponse'; Ideas = $true; Run = { $input | Set-OmnideskIdeaResponse -Content 'Planned for May' } }
        @{ Name = 'Remove-OmnideskIdeaResponse'; Ideas = $true; Run = { $input | Remove-OmnideskIdeaResponse -Force } }
        @{ Name = 'Save-OmnideskAttachment (cases)'; Run = { $input | Save-OmnideskAttachment -Path $TestDrive/saved -Force }; NotFor = @('messages of the cases (a related type)') }
    )
    $caseTests = foreach ($cmdlet in $caseCmdlets) {
        foreach ($way in $ways | Where-Object { $_ -notin @($cmdlet.NotFor) }) {
            @{ Name = $cmdlet.Name; Way = $way; Run = $cmdlet.Run; Setup = $cmdlet.Setup; Ideas = [bool]$cmdlet.Ideas }
        }
    }
}

Describe 'Cmdlets that take cases, fed in every way' {
    BeforeEach { Reset-TestEmulator $emulator }

    It '<Name> takes <Way>' -ForEach $caseTests {
        $inputs = if ($Ideas) { $ideaInputs } else { $caseInputs }
        $expected = if ($Ideas) { @(2196, 2234) } else { @(2001, 2002) }
        if ($Setup) { & $Setup; Clear-EmulatorRequest $emulator }
        $items = $inputs[$Way]
        $items.Count | Should -Be 2 -Because 'the input holds the two cases'

        $all = @($items | & $Run 2>&1)
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty
        Get-TouchedCase | Should -Be $expected
        if ($Name -eq 'Get-OmnideskCase') { @($output.CaseId | Sort-Object) | Should -Be $expected }
    }
}

BeforeDiscovery {
    $badItemCmdlets = @(
        @{ Name = 'Get-OmnideskCase'; Run = { $input | Get-OmnideskCase } }
        @{ Name = 'Set-OmnideskCase'; Run = { $input | Set-OmnideskCase -Priority critical } }
        @{ Name = 'Remove-OmnideskCase'; Run = { $input | Remove-OmnideskCase } }
        @{ Name = 'New-OmnideskNote'; Run = { $input | New-OmnideskNote -Content 'Checked' } }
        @{ Name = 'Get-OmnideskMessage'; Run = { $input | Get-OmnideskMessage } }
        @{ Name = 'Get-OmnideskCaseChangelog'; Run = { $input | Get-OmnideskCaseChangelog } }
        @{ Name = 'Set-OmnideskRating'; Run = { $input | Set-OmnideskRating -Rating high } }
        @{ Name = 'Save-OmnideskAttachment'; Run = { $input | Save-OmnideskAttachment -Path $TestDrive/bad -Force } }
    )
}

Describe 'A bad item among good ones' {
    BeforeEach { Reset-TestEmulator $emulator }

    It '<Name>: one clear error per bad item, with the item as target; nothing sent for it; the good ones go through' -ForEach $badItemCmdlets {
        $ErrorActionPreference = 'Continue'   # as in a script: errors do not stop the pipeline
        $noId = [pscustomobject]@{ Subject = 'no id here' }
        $zero = [pscustomobject]@{ CaseId = 0 }
        $text = [pscustomobject]@{ case_id = 'twenty' }
        $items = @(2001, 'abc', 0, $noId, $zero, $text, '318-951246')

        $all = @($items | & $Run 2>&1)
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

        $errors.Count | Should -Be 5
        $errors.TargetObject | Should -Be @('abc', 0, $noId, $zero, $text)
        $errors.FullyQualifiedErrorId -replace ',.*' | Should -Be @('OmnideskInvalidCaseId', 'OmnideskInvalidCaseId', 'OmnideskNoCaseId', 'OmnideskInvalidCaseId', 'OmnideskInvalidCaseId')
        $errors.CategoryInfo.Category | Should -Be (@('InvalidArgument') * 5)
        $errors[2].Exception.Message | Should -Match 'names no case.*CaseId, case_id, Id, CaseNumber or case_number'
        $errors[4].Exception.Message | Should -Match "case_id 'twenty'"
        Get-TouchedCase | Should -Be @(2001) -Because 'the two good items are case 2001, by id and by number'
    }

    It 'A case given twice, by id and by number, is changed once' {
        2001, '318-951246' | Set-OmnideskCase -Priority low
        @(Get-WriteRequest).Count | Should -Be 1
        (Get-WriteRequest)[0].path | Should -Be '/api/cases/2001.json'
    }

    It 'A message piped to a cmdlet that takes cases means its case, never the message id' {
        Get-OmnideskMessage -CaseId 2002 | Get-OmnideskCase | ForEach-Object CaseId | Should -Be @(2002, 2002)
    }

    It 'The engine''s argument checks never reach the user as raw .NET exceptions' {
        $ErrorActionPreference = 'Continue'   # as in a script: errors do not stop the pipeline
        $all = @([pscustomobject]@{ CaseId = -5 }, [pscustomobject]@{ CaseId = 1e30 }, [pscustomobject]@{ CaseId = '99999999999999999999' } |
                Set-OmnideskCase -Priority low 2>&1)
        $all.Count | Should -Be 3
        $all | ForEach-Object { $_ | Should -BeOfType System.Management.Automation.ErrorRecord; $_.FullyQualifiedErrorId | Should -Match '^OmnideskInvalidCaseId,' }
        Get-WriteRequest | Should -BeNullOrEmpty
    }
}

Describe 'Cmdlets that take messages and notes, fed in every way' {
    BeforeAll {
        # Staff responses 2002/500011 and 2005/500016; notes 2005/500020 and one added to 2002.
        $responses = @(Get-OmnideskMessage -CaseId 2002 | Where-Object MessageId -eq 500011) + @(Get-OmnideskMessage -CaseId 2005 | Where-Object MessageId -eq 500016)
        $uri = $emulator.BaseUri
        function New-MessageInput([object[]] $Messages) {
            $csv = Join-Path $TestDrive ("messages-{0}.csv" -f $Messages[0].MessageId)
            $Messages | Export-Csv $csv -NoTypeInformation
            $rows = @(Import-Csv $csv); $rows[0].Content = 'Edited in a spreadsheet'
            $edited = $csv -replace '\.csv$', '-edited.csv'
            $rows | Export-Csv $edited -NoTypeInformation
            $clixml = $csv -replace '\.csv$', '.xml'
            $Messages | Export-Clixml $clixml
            $pairs = @($Messages | ForEach-Object { @{ Case = $_.CaseId; Message = $_.MessageId } })
            [ordered]@{
                'message objects'                          = @($Messages)
                '[pscustomobject] with ids as int'         = @($pairs | ForEach-Object { [pscustomobject]@{ CaseId = [int]$_.Case; MessageId = [int]$_.Message } })
                '[pscustomobject] with ids as string'      = @($pairs | ForEach-Object { [pscustomobject]@{ CaseId = "$($_.Case)"; MessageId = "$($_.Message)" } })
                '[pscustomobject] with the API names'      = @($pairs | ForEach-Object { [pscustomobject]@{ case_id = [long]$_.Case; message_id = "$($_.Message)" } })
                'Import-Csv rows the module exported, edited' = @(Import-Csv $edited)
                'Import-Clixml (deserialized messages)'    = @(Import-Clixml $clixml)
                'Start-ThreadJob output'                   = @(Start-ThreadJob -ScriptBlock {
                        Import-Module $using:manifest; Connect-Omnidesk -BaseUri $using:uri -Credential $using:credential
                        foreach ($p in $using:pairs) { Get-OmnideskMessage -CaseId $p.Case | Where-Object MessageId -eq $p.Message } } |
                        Receive-Job -Wait -AutoRemoveJob)
                'ForEach-Object -Parallel output'          = @($pairs | ForEach-Object -Parallel { [pscustomobject]@{ CaseId = $_.Case; MessageId = $_.Message } } |
                        Sort-Object CaseId)
            }
        }
        $responseInputs = New-MessageInput $responses
        Reset-TestEmulator $emulator
        $notes = @((New-OmnideskNote -CaseId 2002 -Content 'A note to edit'), (Get-OmnideskMessage -CaseId 2005 | Where-Object MessageId -eq 500020))
        $noteInputs = New-MessageInput $notes
        $noteIds = @($notes | ForEach-Object { "$($_.CaseId)/$($_.MessageId)" } | Sort-Object)
    }

    BeforeDiscovery {
        $messageWays = @('message objects', '[pscustomobject] with ids as int', '[pscustomobject] with ids as string', '[pscustomobject] with the API names',
            'Import-Csv rows the module exported, edited', 'Import-Clixml (deserialized messages)', 'Start-ThreadJob output', 'ForEach-Object -Parallel output')
        $messageCmdlets = @(
            @{ Name = 'Set-OmnideskMessage'; Notes = $false; Run = { $input | Set-OmnideskMessage -Content 'Corrected' } }
            @{ Name = 'Remove-OmnideskMessage'; Notes = $false; Run = { $input | Remove-OmnideskMessage -Force } }
            @{ Name = 'Set-OmnideskRating (messages)'; Notes = $false; Run = { $input | Set-OmnideskRating -Rating middle } }
            @{ Name = 'Set-OmnideskNote'; Notes = $true; Run = { $input | Set-OmnideskNote -Content 'Corrected' } }
            @{ Name = 'Remove-OmnideskNote'; Notes = $true; Run = { $input | Remove-OmnideskNote -Force } }
        )
        $messageTests = foreach ($cmdlet in $messageCmdlets) { foreach ($way in $messageWays) { @{ Name = $cmdlet.Name; Way = $way; Run = $cmdlet.Run; Notes = $cmdlet.Notes } } }
    }

    BeforeEach {
        # The note added to case 2002 above is made again with the same id after a reset: the emulator's ids are deterministic.
        Reset-TestEmulator $emulator
        [void](New-OmnideskNote -CaseId 2002 -Content 'A note to edit')
        Clear-EmulatorRequest $emulator
    }

    It '<Name> takes <Way>' -ForEach $messageTests {
        $inputs = if ($Notes) { $noteInputs } else { $responseInputs }
        $expected = if ($Notes) { $noteIds } else { @('2002/500011', '2005/500016') }
        $all = @($inputs[$Way] | & $Run 2>&1)
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        Get-TouchedMessage | Should -Be $expected
    }

    It 'Plain message ids with -CaseId' {
        500011 | Set-OmnideskMessage -CaseId 2002 -Content 'Corrected'
        Get-TouchedMessage | Should -Be '2002/500011'
    }

    It 'A case piped to a message cmdlet is refused, never read as a message id' {
        $ErrorActionPreference = 'Continue'   # as in a script: errors do not stop the pipeline
        $all = @(Get-OmnideskCase -CaseId 2002 | Remove-OmnideskMessage -Force 2>&1)
        $all.Count | Should -Be 1
        $all[0].FullyQualifiedErrorId | Should -Match '^OmnideskNoMessageId,'
        Get-WriteRequest | Should -BeNullOrEmpty
    }

    It 'A note piped to a message cmdlet is refused; the responses around it go through' {
        $ErrorActionPreference = 'Continue'   # as in a script: errors do not stop the pipeline
        $items = @($responseInputs['message objects'][0], $notes[1], $responseInputs['message objects'][1])
        $all = @($items | Set-OmnideskMessage -Content 'Corrected' 2>&1)
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^OmnideskMessageIsNote,'
        $errors[0].TargetObject.MessageId | Should -Be 500020
        Get-TouchedMessage | Should -Be @('2002/500011', '2005/500016')
    }

    It 'A message of another case than -CaseId is refused' {
        $ErrorActionPreference = 'Continue'   # as in a script: errors do not stop the pipeline
        $all = @($responseInputs['message objects'][1] | Set-OmnideskMessage -CaseId 2002 -Content 'x' 2>&1)
        $all[0].FullyQualifiedErrorId | Should -Match '^OmnideskCaseMismatch,'
        Get-WriteRequest | Should -BeNullOrEmpty
    }
}

Describe 'Save-OmnideskAttachment fed messages and attachments' {
    BeforeAll {
        # Case 2001's message 500008 has screenshot-9000.png; case 2002's 500011 has screenshot-9001.png.
        $withFiles = @(Get-OmnideskMessage -CaseId 2001, 2002 | Where-Object { $_.Attachments.Count -gt 0 })
        $csv = Join-Path $TestDrive 'attachments.csv'
        $withFiles | Export-Csv $csv -NoTypeInformation
        $clixml = Join-Path $TestDrive 'attachments.xml'
        $withFiles | Export-Clixml $clixml
        $attachmentWays = [ordered]@{
            'message objects'                      = $withFiles
            'attachment objects'                   = @($withFiles.Attachments)
            'Import-Clixml (deserialized messages)' = @(Import-Clixml $clixml)
            'Import-Csv rows of exported messages'  = @(Import-Csv $csv)
            '[pscustomobject] with CaseId and MessageId' = @($withFiles | ForEach-Object { [pscustomobject]@{ CaseId = "$($_.CaseId)"; MessageId = $_.MessageId } })
        }
    }

    It 'saves the files of <_>' -ForEach @('message objects', 'attachment objects', 'Import-Clixml (deserialized messages)', 'Import-Csv rows of exported messages', '[pscustomobject] with CaseId and MessageId') {
        $folder = Join-Path $TestDrive ([guid]::NewGuid())
        $files = @($attachmentWays[$_] | Save-OmnideskAttachment -Path $folder)
        $files.Name | Sort-Object | Should -Be @('screenshot-9000.png', 'screenshot-9001.png')
        $files | ForEach-Object { $_.PSPath | Should -Match 'FileSystem::' }
    }
}

Describe 'New-OmnideskCase fed rows' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'creates one case per <_>' -ForEach @('[pscustomobject] with the API names', 'Import-Csv rows with empty optional cells', 'Import-Clixml (deserialized objects)', 'Start-ThreadJob output') {
        $rows = @(
            [pscustomobject]@{ user_email = 'one@example.com'; subject = 'First'; content = 'Hello'; content_html = ''; language_id = '' }
            [pscustomobject]@{ user_email = 'two@example.com'; subject = 'Second'; content = 'Hi'; content_html = ''; language_id = '2' }
        )
        $items = switch ($_) {
            '[pscustomobject] with the API names' { $rows | Select-Object user_email, subject, content }
            'Import-Csv rows with empty optional cells' { $rows | Export-Csv $TestDrive/new.csv -NoTypeInformation; Import-Csv $TestDrive/new.csv }
            'Import-Clixml (deserialized objects)' { $rows | Export-Clixml $TestDrive/new.xml; Import-Clixml $TestDrive/new.xml }
            'Start-ThreadJob output' { Start-ThreadJob { $using:rows } | Receive-Job -Wait -AutoRemoveJob }
        }
        $created = @($items | New-OmnideskCase)
        $created.Subject | Should -Be @('First', 'Second')
        @(Get-WriteRequest | Where-Object path -eq '/api/cases.json').Count | Should -Be 2
    }

    It 'a row without a subject is one error for that row; the others are created' {
        $ErrorActionPreference = 'Continue'   # as in a script: errors do not stop the pipeline
        $all = @(@([pscustomobject]@{ user_email = 'a@example.com'; subject = 'Fine'; content = 'x' }
                [pscustomobject]@{ user_email = 'b@example.com'; content = 'no subject' }
                [pscustomobject]@{ user_email = 'c@example.com'; subject = 'Also fine'; content = 'y' }) | New-OmnideskCase 2>&1)
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 1
        @($all | Where-Object { $_ -is [Omnidesk.OmnideskCase] }).Subject | Should -Be @('Fine', 'Also fine')
    }
}
