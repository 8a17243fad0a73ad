# The module as a user meets it in the console: a clean import, approved verbs, help for every cmdlet and every
# parameter, no hidden parameters, the about topic as plain text, -WhatIf that sends nothing, prompts whose Enter never
# destroys, and tab completion.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $cmdlets = Get-ExpectedCmdlet
    # Every cmdlet that changes something, run with -WhatIf as a user would; none may send a request.
    $whatIfRuns = @(
        @{ Name = 'New-OmnideskCase'; Run = { New-OmnideskCase -UserEmail a@example.com -Subject s -Content c -WhatIf } }
        @{ Name = 'Set-OmnideskCase'; Run = { 2001, '731-208138' | Set-OmnideskCase -Priority low -WhatIf } }
        @{ Name = 'Set-OmnideskCase from piped values'; Run = { [pscustomobject]@{ CaseId = 2001; Priority = 'high' } | Set-OmnideskCase -WhatIf } }
        @{ Name = 'Remove-OmnideskCase'; Run = { Remove-OmnideskCase -CaseId 2001 -Permanent -Force -WhatIf } }
        @{ Name = 'Restore-OmnideskCase'; Run = { Restore-OmnideskCase -CaseNumber 731-208138 -WhatIf } }
        @{ Name = 'Set-OmnideskRating'; Run = { Set-OmnideskRating -CaseId 2001 -Rating high -WhatIf } }
        @{ Name = 'Set-OmnideskIdea'; Run = { Set-OmnideskIdea -CaseId 2196 -Stage planned -WhatIf } }
        @{ Name = 'Set-OmnideskIdeaResponse'; Run = { Set-OmnideskIdeaResponse -CaseId 2196 -Content x -WhatIf } }
        @{ Name = 'Remove-OmnideskIdeaResponse'; Run = { Remove-OmnideskIdeaResponse -CaseId 2196 -WhatIf } }
        @{ Name = 'New-OmnideskMessage'; Run = { 2001, 2002 | New-OmnideskMessage -StaffId 22 -Content x -WhatIf } }
        @{ Name = 'New-OmnideskNote'; Run = { New-OmnideskNote -CaseId 2001 -Content x -WhatIf } }
        @{ Name = 'Set-OmnideskMessage'; Run = { Set-OmnideskMessage -CaseId 2002 -MessageId 500011 -Content x -WhatIf } }
        @{ Name = 'Remove-OmnideskMessage'; Run = { Remove-OmnideskMessage -CaseId 2002 -MessageId 500011 -WhatIf } }
        @{ Name = 'Set-OmnideskNote'; Run = { Set-OmnideskNote -CaseId 2005 -MessageId 500020 -Content x -WhatIf } }
        @{ Name = 'Remove-OmnideskNote'; Run = { Remove-OmnideskNote -CaseId 2005 -MessageId 500020 -Force -WhatIf } }
        @{ Name = 'Save-OmnideskAttachment'; Run = { $script:withFiles | Save-OmnideskAttachment -Path $TestDrive -WhatIf } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator
    $script:withFiles = @(Get-OmnideskMessage -CaseId 2001 | Where-Object { $_.Attachments.Count -gt 0 })
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Import' {
    It 'imports into a clean pwsh without a word, exporting exactly the cmdlets' {
        $run = Invoke-TestPwsh -Script @'
$WarningPreference = 'Continue'
$module = Import-Module $ModuleManifest -PassThru -Verbose:$false 3>&1
$module | Where-Object { $_ -isnot [System.Management.Automation.PSModuleInfo] } | ForEach-Object { "UNEXPECTED $_" }
$module = $module | Where-Object { $_ -is [System.Management.Automation.PSModuleInfo] }
($module.ExportedCmdlets.Keys | Sort-Object) -join ','
$module.ExportedFunctions.Count
'@
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Where-Object { $_ -like 'UNEXPECTED*' } | Should -BeNullOrEmpty
        $run.Output[0] -split ',' | Should -Be (Get-ExpectedCmdlet)
        $run.Output[1] | Should -Be '0'
    }

    It 'has a valid manifest for Windows PowerShell 5.1 and PowerShell 7' {
        $manifest = Test-ModuleManifest -Path (Get-TestModuleManifest)
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        (Get-Command -Module Omnidesk).Verb | Where-Object { $_ -notin $approved } | Should -BeNullOrEmpty
    }
}

Describe '<_>' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $command = Get-Command $name
        $help = Get-Help $name -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    }

    It 'has help with a synopsis and at least two examples' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($name) + '\s') -Because 'Get-Help falls back to the syntax when there is no help'
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        @($help.examples.example)[0].code | Should -Match 'Omnidesk'
    }

    It 'documents every parameter, and none that does not exist' {
        $documented = @($help.parameters.parameter.name)
        $actual = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
        $actual | Where-Object { $_ -notin $documented } | Should -BeNullOrEmpty
        $documented | Where-Object { $_ -notin $actual -and $_ -notin $common } | Should -BeNullOrEmpty
    }

    It 'hides no parameter from syntax or tab completion' {
        $hidden = foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) { $parameter.Name }
        }
        $hidden | Should -BeNullOrEmpty
        $completed = (TabExpansion2 -inputScript "$name -" -cursorColumn ($name.Length + 2)).CompletionMatches.CompletionText -replace '^-'
        $command.Parameters.Keys | Where-Object { $_ -notin $common } | Where-Object { $_ -notin $completed } | Should -BeNullOrEmpty
    }
}

Describe '<_> supports -WhatIf and -Confirm' -ForEach ($cmdlets | Where-Object { $_ -notmatch '^(Get|Connect|Disconnect)-' }) {
    It 'has both switches' {
        (Get-Command $_).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command $_).Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'The about topic' {
    It 'reads as plain help text within 120 columns' {
        $text = Get-Help about_Omnidesk | Out-String
        $lines = $text -split '\r?\n'
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'OmnideskApi404\.case_not_found'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        $lines | Where-Object { $_ -match '^\s*#{1,6} |\*\*|```|\]\(|^\s*\|.*\|\s*$' } | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf sends no request' {
    BeforeEach { Reset-TestEmulator $emulator }

    It '<Name> -WhatIf' -ForEach $whatIfRuns {
        & $Run | Out-Null
        @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
    }
}

Describe 'Prompts in a console' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'Enter at the irreversible-delete question deletes nothing; Y deletes' {
        $script = @'
Import-Module $ModuleManifest
Connect-Omnidesk -BaseUri $EmulatorUri -Credential ([pscredential]::new('demo@omnidesk.test', (ConvertTo-SecureString 'demo-api-key' -AsPlainText -Force)))
Remove-OmnideskCase -CaseId 2003 -Permanent
Remove-OmnideskMessage -CaseId 2002 -MessageId 500011
'@
        $enter = Invoke-TestPwsh -Emulator $emulator -Interactive -InputLines '', '' -Script $script
        $enter.TimedOut | Should -BeFalse
        ($enter.Output -join "`n") | Should -Match '\(default is "N"\)'
        @(Get-EmulatorRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty

        $yes = Invoke-TestPwsh -Emulator $emulator -Interactive -InputLines 'y', 'y' -Script $script
        $yes.TimedOut | Should -BeFalse
        (Get-EmulatorRequest $emulator | Where-Object method -eq 'DELETE').path | Should -Be @('/api/cases/2003.json', '/api/cases/2002/messages/500011.json')
    }
}

Describe 'Tab completion' {
    It '-FilterId completes filter ids, with their names, also when the name is typed' {
        $all = (TabExpansion2 -inputScript 'Get-OmnideskCase -FilterId ' -cursorColumn 27).CompletionMatches
        $all.CompletionText | Should -Contain '234'
        ($all | Where-Object CompletionText -eq '234').ListItemText | Should -Be '234 (High priority open)'
        $byName = (TabExpansion2 -inputScript 'Get-OmnideskCase -FilterId Telegram' -cursorColumn 35).CompletionMatches
        $byName.CompletionText | Should -Be '235'
    }

    It '-Channel completes the API''s channel names' {
        (TabExpansion2 -inputScript 'Get-OmnideskCase -Channel tele' -cursorColumn 30).CompletionMatches.CompletionText | Should -Be 'telegram'
    }
}
