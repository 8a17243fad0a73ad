# One connection cmdlet for both products: Connect-Omnidesk -Product OmnideskCom (or an Omnidesk.com host) with an API
# key alone, in the apiKey header or query; Get-OmnideskConnection shows the product; a cmdlet of one product on the
# other's connection fails at once, naming the product it needs; the key is never in any stream.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    $key = ConvertTo-SecureString 'demo-com-api-key' -AsPlainText -Force
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Connect-Omnidesk -Product OmnideskCom' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'connects with an API key alone, checks it with one ticket read, and shows the product' {
        $connection = Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key -PassThru
        $connection.Product | Should -Be 'OmnideskCom'
        $connection.Email | Should -BeNullOrEmpty
        $connection.TimeZone | Should -Be 'Europe/Amsterdam'
        (Get-OmnideskConnection).Product | Should -Be 'OmnideskCom'
        $requests = @(Get-EmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be '/api/v2/ticket'
        $requests[0].status | Should -Be 200
        "$connection" | Should -Be "API key at $($emulator.BaseUri)"
    }

    It 'takes the key as the password of -Credential, whatever its user name (Get-AutomationPSCredential)' {
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -Credential ([pscredential]::new('anything', $key))
        (Invoke-OmnideskRequest -Path 'ticket/858400').item.id | Should -Be 858400
    }

    It 'sends the key in the query string with -ApiKeyIn Query, and in the header by default' {
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key -ApiKeyIn Query
        (Invoke-OmnideskRequest -Path 'view').itemTotal | Should -Be (Invoke-ComApi $emulator 'view').itemTotal
        $query = @(Get-EmulatorRequest $emulator | Where-Object path -eq '/api/v2/view')[0].query
        $query | Should -Match 'apiKey='
        Clear-EmulatorRequest $emulator
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key
        [void](Invoke-OmnideskRequest -Path 'view')
        @(Get-EmulatorRequest $emulator | Where-Object path -eq '/api/v2/view')[0].query | Should -Not -Match 'apiKey'
    }

    It 'a wrong key fails with the server''s message, category AuthenticationError, and keeps the previous connection' {
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key
        $wrong = ConvertTo-SecureString 'not-a-com-key' -AsPlainText -Force
        $failure = { Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $wrong } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'OmnideskApi401*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($failure.ErrorDetails.Message)" | Should -Match 'Omnidesk\.com .* did not accept the API key \(HTTP 401: Invalid API key\.\)'
        "$failure $($failure.ErrorDetails.Message)" | Should -Not -Match 'not-a-com-key'
        (Get-OmnideskConnection).Product | Should -Be 'OmnideskCom'
    }

    It 'an omnidesk.ru key without -Email is refused before anything is sent' {
        Clear-EmulatorRequest $emulator
        $failure = { Connect-Omnidesk -BaseUri $emulator.BaseUri -ApiKey $key } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'OmnideskEmailMissing*'
        "$failure" | Should -Match '-Product OmnideskCom'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'an unknown -TimeZone is refused before anything is sent' {
        Clear-EmulatorRequest $emulator
        $failure = { Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key -TimeZone 'Mars/Olympus' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'OmnideskInvalidTimeZone*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'refuses plain http to a host that is not loopback, before anything is sent' {
        $failure = { Connect-Omnidesk -BaseUri 'http://mycompany.omnidesk.com' -ApiKey $key } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'OmnideskInsecureUri*'
    }

    It '-TimeZone is what the connection says its dates are in' {
        $connection = Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key -TimeZone UTC -PassThru
        $connection.TimeZone | Should -Be 'UTC'
    }

    It 'the demo of this product: Connect-Omnidesk -Demo -Product OmnideskCom' {
        $connection = Connect-Omnidesk -Demo -Product OmnideskCom -PassThru
        $connection.IsDemo | Should -BeTrue
        $connection.Product | Should -Be 'OmnideskCom'
        (Invoke-OmnideskRequest -Path 'ticket?itemLimit=1').type | Should -Be 'items'
    }

    It 'Get-OmnideskConnection''s table shows the product within 120 columns' {
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key
        $lines = @(Get-OmnideskConnection | Format-Table | Out-String -Width 120) -split "`n"
        ($lines | Where-Object { $_ -match 'OmnideskCom' }) | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_.TrimEnd().Length -gt 120 } | Should -BeNullOrEmpty
    }
}

Describe 'A cmdlet of the other product' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'fails at once, before any input, naming the product it needs: <Command>' -ForEach @(
        @{ Command = 'Get-OmnideskCase'; Script = { Get-OmnideskCase } }
        @{ Command = 'Get-OmnideskMessage'; Script = { @() | Get-OmnideskMessage } }
        @{ Command = 'Remove-OmnideskCase'; Script = { @() | Remove-OmnideskCase -Force } }
        @{ Command = 'Get-OmnideskFilter'; Script = { Get-OmnideskFilter } }
    ) {
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key
        Clear-EmulatorRequest $emulator
        $failure = $Script | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike "OmnideskWrongProduct,*"
        $failure.CategoryInfo.Category | Should -Be 'InvalidOperation'
        "$failure" | Should -Match "$Command serves omnidesk\.ru \(Deskie\) \(-Product OmnideskRu\)"
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'an Omnidesk.com connection given with -Connection is refused by an omnidesk.ru cmdlet, and the reverse works' {
        $com = Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key -PassThru
        Connect-TestEmulator $emulator
        { Get-OmnideskLanguage -Connection $com } | Should -Throw -ErrorId 'OmnideskWrongProduct,*'
        @(Get-OmnideskLanguage).Count | Should -BeGreaterThan 0
    }

    It 'Invoke-OmnideskRequest serves both, under each API''s root' {
        Connect-Omnidesk -BaseUri $emulator.BaseUri -Product OmnideskCom -ApiKey $key
        (Invoke-OmnideskRequest -Path 'customer/626800').item.firstname | Should -Be 'Thomas'
        $failure = { Invoke-OmnideskRequest -Path 'ticket/1' -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'OmnideskApi400.ticket_not_found*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$failure" | Should -Match 'This ticket does not exist\.'
        Connect-TestEmulator $emulator
        @((Invoke-OmnideskRequest -Path 'languages.json').PSObject.Properties).Count | Should -BeGreaterThan 0
    }
}

Describe 'An Omnidesk.com runbook' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'connects from a credential asset with -NonInteractive, and with -Verbose and -Debug the key appears in no stream' {
        $run = Invoke-TestPwsh -Emulator $emulator -TimeoutSec 60 -Script @'
$ErrorActionPreference = 'Stop'
$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
Import-Module $ModuleManifest
$cred = [pscredential]::new('OmnideskComKey', (ConvertTo-SecureString 'demo-com-api-key' -AsPlainText -Force))
Connect-Omnidesk -BaseUri $EmulatorUri -Product OmnideskCom -Credential $cred -ApiKeyIn Query
(Invoke-OmnideskRequest -Path 'ticket/858400').item.id
try { Invoke-OmnideskRequest -Path 'ticket/1' } catch { "caught $($_.FullyQualifiedErrorId): $_" }
Get-OmnideskConnection | Format-List * | Out-String
Connect-Omnidesk -BaseUri $EmulatorUri -Product OmnideskCom -Credential $cred
(Invoke-OmnideskRequest -Path 'view').itemTotal
'@
        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 0
        $all = ($run.Output + $run.Errors) -join "`n"
        $all | Should -Match '858400'
        $all | Should -Match 'caught OmnideskApi400\.ticket_not_found'
        $all | Should -Match 'GET /api/v2/ticket/858400'
        $all | Should -Not -Match 'demo-com-api-key'
    }
}
