# Every cmdlet end to end against the emulator, as a user runs it; results are checked against the emulator's own
# answers (its API read directly), not against the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    $connection = Connect-TestEmulator $emulator -PassThru
    $credential = New-DemoCredential

    function Get-ApiCase([long] $Id) {
        (Invoke-RestMethod -Uri "$($emulator.BaseUri)api/cases/$Id.json" -Credential $credential -Authentication Basic -AllowUnencryptedAuthentication).case
    }
    function Get-ApiMessages([long] $Id) {
        $answer = Invoke-RestMethod -Uri "$($emulator.BaseUri)api/cases/$Id/messages.json?limit=100" -Credential $credential -Authentication Basic -AllowUnencryptedAuthentication
        @($answer.PSObject.Properties | Where-Object Name -ne 'total_count' | ForEach-Object { $_.Value.message })
    }
    function Get-WriteRequest { @(Get-EmulatorRequest $emulator | Where-Object { $_.method -ne 'GET' }) }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Connections' {
    It 'Connect-Omnidesk -PassThru, Get-OmnideskConnection and Disconnect-Omnidesk' {
        $connection.BaseUri | Should -Be $emulator.Uri
        $connection.Email | Should -Be 'demo@omnidesk.test'
        (Get-OmnideskConnection).BaseUri | Should -Be $emulator.Uri
        (Get-OmnideskConnection).RateLimitPerMinute | Should -BeGreaterThan 0
        $other = Connect-Omnidesk -BaseUri $emulator.BaseUri -Credential $credential -PassThru
        Disconnect-Omnidesk
        Get-OmnideskConnection | Should -BeNullOrEmpty
        { Get-OmnideskCase -First 1 -Connection $other } | Should -Throw -ErrorId 'OmnideskConnectionClosed,*'
        Get-OmnideskCase -First 1 -Connection $connection | Should -HaveCount 1 -Because '-Connection works without a default'
        Connect-TestEmulator $emulator
    }
}

Describe 'Cases' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'Get-OmnideskCase lists with filters, -First, -Skip and -IncludeTotalCount' {
        $page = Get-OmnideskCase -Status open -Priority critical -IncludeTotalCount -First 2 -Skip 1
        $total = $page[0]
        $total | Should -BeOfType [uint64]
        $cases = $page | Select-Object -Skip 1
        $cases.Count | Should -BeLessOrEqual 2
        $cases | ForEach-Object { $_.Status | Should -Be 'open'; $_.Priority | Should -Be 'critical' }
        @(Get-OmnideskCase -Status open -Priority critical).Count | Should -Be $total
    }

    It 'Get-OmnideskFilter, and a filter piped to Get-OmnideskCase lists its cases' {
        $filter = Get-OmnideskFilter -Name 'High*'
        $filter.FilterId | Should -Be '234'
        $byPipe = $filter | Get-OmnideskCase
        $byParameter = Get-OmnideskCase -FilterId 234
        $byPipe.CaseId | Should -Be $byParameter.CaseId
        $byPipe.Count | Should -BeGreaterThan 0
    }

    It 'New-OmnideskCase creates a case with an attachment' {
        $file = Join-Path $TestDrive 'contract.pdf'
        [IO.File]::WriteAllBytes($file, [byte[]](1..200))
        $case = New-OmnideskCase -UserEmail 'client@example.com' -Subject 'Contract' -Content 'Docs attached' -Attachment $file
        $case.Subject | Should -Be 'Contract'
        (Get-ApiCase $case.CaseId).subject | Should -Be 'Contract'
        (Get-ApiMessages $case.CaseId)[0].attachments[0].file_name | Should -Be 'contract.pdf'
    }

    It 'Set-OmnideskCase changes the cases, 10 to a request, and -PassThru writes them' {
        $changed = 2001..2012 | Set-OmnideskCase -Priority critical -StaffId 22 -PassThru
        $changed.Count | Should -Be 12
        (Get-ApiCase 2012).priority | Should -Be 'critical'
        (Get-ApiCase 2012).staff_id | Should -Be 22
        (Get-WriteRequest).path | Should -Be @('/api/cases/2001,2002,2003,2004,2005,2006,2007,2008,2009,2010.json', '/api/cases/2011,2012.json')
    }

    It 'Set-OmnideskCase applies an exported, edited and imported CSV, sending only what changed' {
        $path = Join-Path $TestDrive 'cases.csv'
        Get-OmnideskCase -CaseId 2001, 2002, 2003, 2004 | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows[0].Priority = 'critical'            # 2001
        $rows[1].Status = 'open'; $rows[1].Priority = 'critical'   # 2002
        $rows[2].Labels = '101; 106'              # 2003 had 101; 104; 105
        $rows | Export-Csv $path -NoTypeInformation
        Clear-EmulatorRequest $emulator

        $written = @(Import-Csv $path | Set-OmnideskCase -PassThru)

        (Get-ApiCase 2001).priority | Should -Be 'critical'
        (Get-ApiCase 2002).status | Should -Be 'open'
        (Get-ApiCase 2002).priority | Should -Be 'critical'
        @((Get-ApiCase 2003).labels) | Sort-Object | Should -Be @(101, 106)
        # 2004 was not edited: nothing is sent for it. 2001 and 2002 got different changes: two requests.
        (Get-WriteRequest).path | Sort-Object | Should -Be @('/api/cases/2001.json', '/api/cases/2002.json', '/api/cases/2003.json')
        $written.CaseId | Sort-Object | Should -Be @(2001, 2002, 2003, 2004)
    }

    It 'Set-OmnideskCase: a changed case object piped back applies its change' {
        $case = Get-OmnideskCase -CaseId 2005
        $case.Subject = 'Renamed in a script'
        $case | Set-OmnideskCase
        (Get-ApiCase 2005).subject | Should -Be 'Renamed in a script'
        (Get-WriteRequest).Count | Should -Be 1
    }

    It 'Remove-OmnideskCase trashes, -Spam marks as spam, -Permanent -Force deletes; Restore-OmnideskCase brings back' {
        Remove-OmnideskCase -CaseId 2001
        (Get-ApiCase 2001).deleted | Should -BeTrue
        Remove-OmnideskCase -CaseId 2002 -Spam
        (Get-ApiCase 2002).spam | Should -BeTrue
        2001, 2002 | Restore-OmnideskCase
        (Get-ApiCase 2001).deleted | Should -BeFalse
        (Get-ApiCase 2002).spam | Should -BeFalse
        Remove-OmnideskCase -CaseId 2003 -Permanent -Force
        { Get-ApiCase 2003 } | Should -Throw
    }

    It 'Set-OmnideskRating rates a case and a staff response' {
        $case = Set-OmnideskRating -CaseId 2002 -Rating high -Comment 'Quick' -PassThru
        $case.Rating | Should -Be 'high'
        (Get-ApiCase 2002).rating | Should -Be 'high'
        $message = Get-OmnideskMessage -CaseId 2002 | Where-Object StaffId | Set-OmnideskRating -Rating low -PassThru
        $message.Rating | Should -Be 'low'
    }

    It 'Get-OmnideskCaseChangelog lists a case''s events, filtered' {
        Set-OmnideskCase -CaseId 2001 -Status closed
        $events = Get-OmnideskCaseChangelog -CaseId 2001 -Status closed
        $events.Count | Should -BeGreaterThan 0
        $events | ForEach-Object { $_.Event | Should -Be 'status'; $_.Value | Should -Be 'closed' }
    }

    It 'Set-OmnideskIdea, Set-OmnideskIdeaResponse and Remove-OmnideskIdeaResponse change an idea' {
        Set-OmnideskIdea -CaseId 2234 -Stage in_progress -PassThru | ForEach-Object { $_.Idea.Stage | Should -Be 'in_progress' }
        (Get-ApiCase 2234).idea.stage | Should -Be 'in_progress'
        Set-OmnideskIdeaResponse -CaseId 2234 -Content 'Coming in May' -PassThru | ForEach-Object { $_.Idea.OfficialResponse | Should -Be 'Coming in May' }
        Remove-OmnideskIdeaResponse -CaseId 2234 -Force
        (Get-ApiCase 2234).idea.official_response | Should -BeNullOrEmpty
    }
}

Describe 'Messages, notes and attachments' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'Get-OmnideskMessage returns what the API has, in order, with -Order desc -First 1 the newest' {
        $messages = Get-OmnideskMessage -CaseId 2005
        $messages.MessageId | Should -Be (Get-ApiMessages 2005).message_id
        (Get-OmnideskMessage -CaseId 2005 -Order desc -First 1).MessageId | Should -Be ((Get-ApiMessages 2005).message_id | Select-Object -Last 1)
        (Get-OmnideskMessage -CaseNumber (Get-ApiCase 2005).case_number).Count | Should -Be $messages.Count
    }

    It 'New-OmnideskMessage and New-OmnideskNote add to every case given, and write what they added' {
        $responses = 2001, 2002 | New-OmnideskMessage -StaffId 22 -Content 'We are on it'
        $responses.CaseId | Should -Be @(2001, 2002)
        $responses | ForEach-Object { $_.Content | Should -Be 'We are on it'; $_.IsNote | Should -BeFalse }
        $note = New-OmnideskNote -CaseId 2001 -Content 'Called the customer'
        $note.IsNote | Should -BeTrue
        (Get-ApiMessages 2001 | Select-Object -Last 1).content | Should -Be 'Called the customer'
    }

    It 'Set-/Remove-OmnideskMessage and Set-/Remove-OmnideskNote edit and delete' {
        Set-OmnideskMessage -CaseId 2002 -MessageId 500011 -Content 'Corrected' -PassThru | ForEach-Object { $_.Content | Should -Be 'Corrected' }
        Set-OmnideskNote -CaseId 2005 -MessageId 500020 -Content 'Corrected note'
        ((Get-ApiMessages 2005) | Where-Object message_id -eq 500020).content | Should -Be 'Corrected note'
        Remove-OmnideskNote -CaseId 2005 -MessageId 500020 -Force
        Remove-OmnideskMessage -CaseId 2002 -MessageId 500011 -Force
        (Get-ApiMessages 2005).message_id | Should -Not -Contain 500020
        (Get-ApiMessages 2002).message_id | Should -Not -Contain 500011
    }

    It 'Save-OmnideskAttachment writes the files, and file objects that show like Get-Item''s' {
        $folder = Join-Path $TestDrive 'case-2001'
        $saved = @(Get-OmnideskMessage -CaseId 2001 | Save-OmnideskAttachment -Path $folder)
        $saved.Count | Should -Be 1
        $saved[0].Name | Should -Be 'screenshot-9000.png'
        $saved[0].Length | Should -Be 482123
        $reference = Get-Item -LiteralPath $saved[0].FullName
        foreach ($property in 'PSPath', 'PSParentPath', 'PSChildName', 'PSProvider', 'PSIsContainer') {
            "$($saved[0].$property)" | Should -Be "$($reference.$property)" -Because $property
        }
        ($saved | Format-Table | Out-String) | Should -Be ($reference | Format-Table | Out-String)
    }

    It 'Save-OmnideskAttachment keeps an existing file unless -Force' {
        $folder = Join-Path $TestDrive 'keep'
        [void](New-Item -ItemType Directory -Path $folder)
        Set-Content -LiteralPath (Join-Path $folder 'screenshot-9000.png') -Value 'mine'
        $ErrorActionPreference = 'Continue'
        $all = @(2001 | Save-OmnideskAttachment -Path $folder 2>&1)
        $all[0].FullyQualifiedErrorId | Should -Match '^OmnideskFileExists,'
        Get-Content -LiteralPath (Join-Path $folder 'screenshot-9000.png') | Should -Be 'mine'
        (2001 | Save-OmnideskAttachment -Path $folder -Force).Length | Should -Be 482123
    }
}
