# What the generic engine gives a user directly: Invoke-OmnideskRequest for any endpoint, and Get-OmnideskLanguage, a
# list cmdlet made of a resource description and nothing else. Results are checked against the emulator's own answers.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator
    $credential = New-DemoCredential

    function Invoke-Api([string] $Path) {
        Invoke-RestMethod -Uri "$($emulator.BaseUri)api/$Path" -Credential $credential -Authentication Basic -AllowUnencryptedAuthentication
    }
    function Get-ApiLanguage {
        $answer = Invoke-Api 'languages.json?limit=100'
        @($answer.PSObject.Properties | Where-Object Name -ne 'total_count' | ForEach-Object { $_.Value.language })
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Invoke-OmnideskRequest' {
    BeforeEach { Reset-TestEmulator $emulator; Clear-EmulatorRequest $emulator }

    It 'reads any path under the API as objects, as ConvertFrom-Json makes them' {
        $case = (Get-OmnideskCase -First 1)
        $answer = Invoke-OmnideskRequest "cases/$($case.CaseId).json"
        $answer.case.case_id | Should -Be $case.CaseId
        $answer.case.subject | Should -Be $case.Subject
        (Invoke-OmnideskRequest "/api/cases/$($case.CaseId).json").case.case_number | Should -Be $case.CaseNumber
    }

    It 'sends -Query, arrays once per element, and -Raw writes the text' {
        $text = Invoke-OmnideskRequest cases.json -Query @{ 'status[]' = 'open', 'waiting'; limit = 3 } -Raw
        $text | Should -BeOfType [string]
        $request = (Get-EmulatorRequest $emulator)[-1]
        $request.method | Should -Be 'GET'
        $request.query | Should -Match 'status%5B%5D=open|status\[\]=open'
        $request.query | Should -Match 'limit=3'
        $answer = $text | ConvertFrom-Json
        $answer.total_count | Should -Be (Invoke-Api 'cases.json?status[]=open&status[]=waiting&limit=1').total_count
    }

    It 'takes paths from the pipeline' {
        $ids = (Get-OmnideskCase -First 2).CaseId
        Clear-EmulatorRequest $emulator
        $answers = $ids | ForEach-Object { "cases/$_.json" } | Invoke-OmnideskRequest
        $answers.case.case_id | Should -Be $ids
        @(Get-EmulatorRequest $emulator).Count | Should -Be 2
    }

    It 'sends a hashtable body as JSON, and the change is made' {
        $case = Get-OmnideskCase -Status open -First 1
        $null = Invoke-OmnideskRequest "cases/$($case.CaseId).json" -Method PUT -Body @{ case = @{ priority = 'critical' } } -Confirm:$false
        (Invoke-Api "cases/$($case.CaseId).json").case.priority | Should -Be 'critical'
    }

    It '-WhatIf sends no request for a change, and a GET needs no confirmation' {
        $case = Get-OmnideskCase -Status open -First 1
        Clear-EmulatorRequest $emulator
        Invoke-OmnideskRequest "cases/$($case.CaseId).json" -Method DELETE -WhatIf
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        Invoke-OmnideskRequest languages.json -WhatIf | Should -Not -BeNullOrEmpty -Because 'a read changes nothing'
    }

    It 'an API error is one non-terminating error with the status and the API code, and the next path goes on' {
        $ErrorActionPreference = 'Continue'
        $good = (Get-OmnideskCase -First 1).CaseId
        $answers = 'cases/999999999.json', "cases/$good.json" | Invoke-OmnideskRequest -ErrorVariable failures 2>$null
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OmnideskApi404.*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'cases/999999999.json'
        $failures[0].Exception.StatusCode | Should -Be 404
        @($answers).Count | Should -Be 1
    }

    It 'refuses a whole address, so the credentials never leave the account' {
        $ErrorActionPreference = 'Continue'
        Invoke-OmnideskRequest 'https://example.com/api/cases.json' -ErrorVariable failures 2>$null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OmnideskInvalidRequest*'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'runs in a non-interactive runbook: a change with -Confirm:$false goes ahead, without it nothing prompts' {
        $case = Get-OmnideskCase -Status open -First 1
        $run = Invoke-TestPwsh -Emulator $emulator -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module `$ModuleManifest
Connect-Omnidesk -BaseUri `$EmulatorUri -Credential ([pscredential]::new('demo@omnidesk.test', (ConvertTo-SecureString 'demo-api-key' -AsPlainText -Force)))
`$answer = Invoke-OmnideskRequest 'cases/$($case.CaseId).json' -Method PUT -Body '{"case":{"priority":"low"}}' -Confirm:`$false
'priority=' + `$answer.case.priority
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Errors -join "`n")
        $run.Output | Should -Contain 'priority=low'
    }
}

Describe 'Get-OmnideskLanguage' {
    It 'lists the languages the API has, as typed objects' {
        $expected = Get-ApiLanguage
        $languages = Get-OmnideskLanguage
        $languages | Should -HaveCount $expected.Count
        $languages[0] | Should -BeOfType ([Omnidesk.OmnideskLanguage])
        $languages.LanguageId | Should -Be $expected.language_id
        $languages.Code | Should -Be $expected.code
        $languages.Title | Should -Be $expected.title
        ($languages | Where-Object { -not $_.Active }).LanguageId | Should -Be ($expected | Where-Object active -eq $false).language_id
    }

    It 'pages with -First, -Skip and -IncludeTotalCount, asking only for what it needs' {
        $all = Get-OmnideskLanguage
        Clear-EmulatorRequest $emulator
        $window = Get-OmnideskLanguage -Skip 1 -First 1 -IncludeTotalCount
        $window[0] | Should -Be $all.Count
        $window[1].LanguageId | Should -Be $all[1].LanguageId
        @(Get-EmulatorRequest $emulator).Count | Should -Be 1
        Get-OmnideskLanguage -PageSize 1 | Should -HaveCount $all.Count
    }

    It 'shows a table of 120 columns at most and exports readable values' {
        $table = Get-OmnideskLanguage | Format-Table | Out-String -Width 120
        $table | Should -Match 'LanguageId\s+Code\s+Title\s+Active'
        ($table -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        $csv = Get-OmnideskLanguage | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Be '"LanguageId","Code","Title","Active"'
    }

    It 'a failure is a terminating error that names the status' {
        Add-EmulatorFault $emulator @(@{ path = '/api/languages.json'; method = 'GET'; status = 403; error = 'access_denied'; times = 1 })
        { Get-OmnideskLanguage } | Should -Throw -ErrorId 'OmnideskApi403.access_denied*'
    }
}
