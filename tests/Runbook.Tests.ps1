# Runbook-style runs: `pwsh -NonInteractive -File script.ps1`, credentials from a PSCredential as
# Get-AutomationPSCredential gives them. Nothing may hang on a prompt; an action that needs a confirmation fails with a
# clear error and changes nothing; the script's exit code tells the scheduler what happened.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator = Start-TestEmulator
    # What every runbook below starts with: the module, and a connection from a credential asset.
    $prologue = @'
Import-Module $ModuleManifest
$credential = [pscredential]::new('demo@omnidesk.test', (ConvertTo-SecureString 'demo-api-key' -AsPlainText -Force))
Connect-Omnidesk -BaseUri $EmulatorUri -Credential $credential -MaxRetryCount 8

'@
    function Invoke-Runbook([string] $Body) { Invoke-TestPwsh -Emulator $emulator -Script ($prologue + $Body) -TimeoutSec 60 }
    function Test-CaseExists([long] $Id) {
        try { [void](Invoke-RestMethod -Uri "$($emulator.BaseUri)api/cases/$Id.json" -Credential (New-DemoCredential) -Authentication Basic -AllowUnencryptedAuthentication); $true }
        catch { $false }
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'A runbook' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'reports and exports, writes only what it asks for, and exits 0' {
        $run = Invoke-Runbook @'
$open = Get-OmnideskCase -Status open -Priority critical
$open | Export-Csv (Join-Path ([IO.Path]::GetTempPath()) "critical-$PID.csv") -NoTypeInformation
"{0} critical cases are open" -f @($open).Count
'@
        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1 -Because 'Connect-Omnidesk writes nothing without -PassThru'
        $run.Output[0] | Should -Match '^\d+ critical cases are open$'
    }

    It 'a permanent delete without -Force fails at once with a clear error, and deletes nothing' {
        $run = Invoke-Runbook @'
$ErrorActionPreference = 'Stop'
Remove-OmnideskCase -CaseId 2003 -Permanent
'done'
'@
        $run.TimedOut | Should -BeFalse -Because 'a prompt must never wait in a non-interactive session'
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Not -Contain 'done'
        ($run.Errors + $run.Output) -join ' ' | Should -Match 'needs a confirmation.*cannot ask.*Add -Force'
        Test-CaseExists 2003 | Should -BeTrue
    }

    It 'a permanent delete with -Force needs no answer' {
        $run = Invoke-Runbook "Remove-OmnideskCase -CaseId 2003 -Permanent -Force; 'done'"
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Be 'done'
        Test-CaseExists 2003 | Should -BeFalse
    }

    It 'deletes of messages and idea responses also fail clearly without -Force: <_>' -ForEach @(
        'Remove-OmnideskMessage -CaseId 2002 -MessageId 500011'
        'Remove-OmnideskIdeaResponse -CaseId 2196'
        'Set-OmnideskCase -CaseId 2001 -Priority low -Confirm'
    ) {
        $run = Invoke-Runbook "try { $_ ; 'not reached' } catch { `$_.FullyQualifiedErrorId; exit 3 }"
        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 3
        $run.Output[0] | Should -Match '^OmnideskConfirmationUnavailable,'
        @(Get-EmulatorRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }

    It '-WhatIf shows what would be done and sends nothing' {
        $run = Invoke-Runbook "Get-OmnideskCase -CaseId 2001, 2002 | Remove-OmnideskCase -Permanent -WhatIf"
        $run.ExitCode | Should -Be 0
        @($run.Output | Where-Object { $_ -like 'What if:*' }).Count | Should -Be 2
        @(Get-EmulatorRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }

    It 'a wrong key ends the runbook with a clear error and a non-zero exit code' {
        $run = Invoke-TestPwsh -Emulator $emulator -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
Connect-Omnidesk -BaseUri $EmulatorUri -Credential ([pscredential]::new('demo@omnidesk.test', (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force)))
'not reached'
'@
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Not -Contain 'not reached'
        ($run.Errors + $run.Output) -join ' ' | Should -Match 'did not accept the API key'
        ($run.Errors + $run.Output) -join ' ' | Should -Not -Match 'not-the-key'
    }

    It 'with -Verbose and -Debug the API key appears in no stream' {
        $run = Invoke-Runbook @'
$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
Get-OmnideskCase -First 2 | Out-Null
Set-OmnideskCase -CaseId 2001 -Priority low
Get-OmnideskConnection | Format-List * | Out-String
'@
        $run.ExitCode | Should -Be 0
        ($run.Output + $run.Errors) -join "`n" | Should -Not -Match 'demo-api-key'
        ($run.Output + $run.Errors) -join "`n" | Should -Match 'PUT /api/cases/2001\.json'
    }
}
