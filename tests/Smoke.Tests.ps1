BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestEmulator $emulator
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'smoke' {
    It 'lists cases' {
        $cases = Get-OmnideskCase -First 3
        $cases.Count | Should -Be 3
        (Get-EmulatorRequest $emulator).Count | Should -BeGreaterThan 0
    }
    It 'runs a child pwsh' {
        $r = Invoke-TestPwsh -Emulator $emulator -Script 'Import-Module $ModuleManifest; "ok $EmulatorUri"'
        $r.ExitCode | Should -Be 0
        $r.Output | Should -Be "ok $($emulator.BaseUri)"
    }
}
