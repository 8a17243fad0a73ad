# Errors as a script sees them: $?, $Error, -ErrorAction Stop, try/catch [Omnidesk.OmnideskApiException],
# -ErrorVariable; each with a stable ErrorId that names the HTTP status and the API's error code.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'A case that does not exist' {
    BeforeEach { $ErrorActionPreference = 'Continue'; $Error.Clear() }

    It 'sets $? to false and leaves one categorized record in $Error' {
        Get-OmnideskCase -CaseId 99999 2>$null
        $succeeded = $?
        $succeeded | Should -BeFalse
        $Error.Count | Should -Be 1
        $Error[0].FullyQualifiedErrorId | Should -Be 'OmnideskApi404.case_not_found,Omnidesk.Commands.GetOmnideskCaseCommand'
        $Error[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $Error[0].TargetObject | Should -Be 99999
        $Error[0].Exception.Message | Should -Match 'GET /api/cases/99999\.json returned HTTP 404 Not Found \(case_not_found\)'
    }

    It 'is caught as [Omnidesk.OmnideskApiException] with -ErrorAction Stop, carrying the status and the API''s code' {
        $caught = $null
        try { Get-OmnideskCase -CaseId 99999 -ErrorAction Stop; throw 'not reached' }
        catch [Omnidesk.OmnideskApiException] { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.StatusCode | Should -Be 404
        $caught.Exception.ErrorCode | Should -Be 'case_not_found'
        $caught.Exception.Method | Should -Be 'GET'
        $caught.FullyQualifiedErrorId | Should -Match '^OmnideskApi404\.case_not_found,'
    }

    It 'is collected by -ErrorVariable while the cases around it are written' {
        $cases = 2001, 99999, 2002 | Get-OmnideskCase -ErrorVariable failed -ErrorAction SilentlyContinue
        $cases.CaseId | Should -Be @(2001, 2002)
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 99999
    }

    It 'stops a script under $ErrorActionPreference = ''Stop'', which catches it by type' {
        $result = & {
            $ErrorActionPreference = 'Stop'
            try { Get-OmnideskMessage -CaseId 99999; 'not reached' }
            catch [Omnidesk.OmnideskApiException] { "caught $($_.Exception.StatusCode)" }
        }
        $result | Should -Be 'caught 404'
    }
}

Describe 'Errors of changes' {
    BeforeEach { Reset-TestEmulator $emulator; $ErrorActionPreference = 'Continue' }

    It 'a bulk change the API did not apply to some cases: one error per such case, named by its id' {
        Set-EmulatorConfig $emulator @{ bulk_fail_ids = @(2003) }
        $changed = 2001, 2002, 2003, 2004 | Set-OmnideskCase -Priority high -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        $changed.CaseId | Sort-Object | Should -Be @(2001, 2002, 2004)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskCaseNotChanged,Omnidesk.Commands.SetOmnideskCaseCommand'
        $failed[0].TargetObject | Should -Be 2003
    }

    It 'a refused write says the HTTP status and the API''s error in its message' {
        Add-EmulatorFault $emulator @(@{ path = '/api/cases/2001.json'; method = 'PUT'; status = 400; error = 'wrong_status' })
        Set-OmnideskCase -CaseId 2001 -Priority low -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^OmnideskApi400\.wrong_status,'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'PUT /api/cases/2001\.json returned HTTP 400'
    }

    It 'not connected: a terminating error that says what to do' {
        $result = Invoke-TestPwsh -Script @'
Import-Module $ModuleManifest
try { Get-OmnideskCase -First 1; 'not reached' } catch { $_.FullyQualifiedErrorId; $_.ErrorDetails.RecommendedAction }
'@
        $result.Output[0] | Should -Be 'OmnideskNotConnected,Omnidesk.Commands.GetOmnideskCaseCommand'
        $result.Output[1] | Should -Match 'Connect-Omnidesk'
    }

    It 'a wrong API key: Connect-Omnidesk fails with an error that says which' {
        $bad = [pscredential]::new('demo@omnidesk.test', (ConvertTo-SecureString 'wrong-key' -AsPlainText -Force))
        $caught = $null
        try { Connect-Omnidesk -BaseUri $emulator.BaseUri -Credential $bad -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Match '^OmnideskApi401'
        $caught.ErrorDetails.Message | Should -Match 'did not accept the API key for demo@omnidesk.test'
        "$caught" | Should -Not -Match 'wrong-key'
        Connect-TestEmulator $emulator
    }
}
