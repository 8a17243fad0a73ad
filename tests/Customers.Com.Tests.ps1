# Omnidesk.com (API v2) customers, agents and views: Get-OmnideskCustomer, New-OmnideskCustomer, Set-OmnideskCustomer,
# Get-OmnideskAgent and Get-OmnideskView, as scripts use them. Expected values come from the emulator's API itself
# (Invoke-ComApi), not from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestComEmulator $emulator

    function Get-ApiRequest([string] $Path) { @(Get-EmulatorRequest $emulator | Where-Object path -eq "/api/v2/$Path") }
    function Get-ApiCustomer([long] $Id) { (Invoke-ComApi $emulator "customer/$Id").item }
    # The item start a list request asked for: none sent means the API's default, 0.
    function Get-ItemStart($Request) { if ($Request.query -match 'itemStart=(\d+)') { [int]$Matches[1] } else { 0 } }
    function Get-ItemLimit($Request) { if ($Request.query -match 'itemLimit=(\d+)') { [int]$Matches[1] } else { $null } }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Get-OmnideskCustomer: the list' {
    BeforeEach { Reset-TestEmulator $emulator; Connect-TestComEmulator $emulator }

    It 'lists as many customers as the API''s itemTotal, in one request of 99 at most' {
        $total = (Invoke-ComApi $emulator 'customer?itemLimit=1').itemTotal
        Clear-EmulatorRequest $emulator
        $customers = @(Get-OmnideskCustomer)
        $requests = Get-ApiRequest 'customer'
        $customers.Count | Should -Be $total
        $customers[0] | Should -BeOfType ([Omnidesk.OmnideskCustomer])
        $requests.Count | Should -Be 1
        Get-ItemLimit $requests[0] | Should -Be 99
    }

    It '-Query lists what the API matches' {
        $expected = (Invoke-ComApi $emulator 'customer?query=van%20Test&itemLimit=99').items.id
        $expected.Count | Should -BeGreaterThan 1
        (Get-OmnideskCustomer -Query 'van Test').CustomerId | Should -Be $expected
        (Get-ApiRequest 'customer')[0].query | Should -Match 'query=van(\+|%20)Test'
    }

    It '-Skip and -First become itemStart/itemLimit pages: only the pages needed' {
        $expected = (Invoke-ComApi $emulator 'customer?itemLimit=99').items.id | Select-Object -Skip 10 -First 40
        Clear-EmulatorRequest $emulator
        (Get-OmnideskCustomer -PageSize 30 -Skip 10 -First 40).CustomerId | Should -Be $expected
        $requests = Get-ApiRequest 'customer'
        $requests.Count | Should -Be 2
        $requests | ForEach-Object { Get-ItemStart $_ } | Should -Be @(0, 30)
        $requests | ForEach-Object { Get-ItemLimit $_ } | Should -Be @(30, 30)
    }

    It '-IncludeTotalCount writes the API''s itemTotal first' {
        $out = @(Get-OmnideskCustomer -IncludeTotalCount -First 2)
        $out.Count | Should -Be 3
        $out[0] | Should -BeOfType ([UInt64])
        $out[0] | Should -Be (Invoke-ComApi $emulator 'customer?itemLimit=1').itemTotal
    }

    It '-PageSize above the API''s 99 is refused by validation, with nothing sent' {
        Clear-EmulatorRequest $emulator
        { Get-OmnideskCustomer -PageSize 100 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.GetOmnideskCustomerCommand'
        Get-ApiRequest 'customer' | Should -BeNullOrEmpty
    }

    It 'refuses a -Query the API would refuse (an e-mail address) before sending, saying why' {
        Clear-EmulatorRequest $emulator
        $caught = $null
        try { Get-OmnideskCustomer -Query 'thomas.vantest1@example.test' } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'OmnideskInvalidQuery,Omnidesk.Commands.GetOmnideskCustomerCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.TargetObject | Should -Be 'thomas.vantest1@example.test'
        $caught.Exception.Message | Should -Match 'letters, digits and spaces'
        $caught.Exception.Message | Should -Match 'e-mail address'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
        # The API itself refuses it too: the check is not stricter than the API.
        { Invoke-ComApi $emulator 'customer?query=a.b' } | Should -Throw
    }

    It 'a failed list request is a terminating error with the API''s message (read-only key still reads)' {
        Connect-TestComEmulator $emulator -ApiKey readonly-com-api-key
        @(Get-OmnideskCustomer -First 3).Count | Should -Be 3
        Add-EmulatorFault $emulator @{ path = '/api/v2/customer'; status = 500; times = 10 }
        { Get-OmnideskCustomer } | Should -Throw -ErrorId 'OmnideskApi500,Omnidesk.Commands.GetOmnideskCustomerCommand'
    }

    It 'Format-Table fits 120 columns and shows the view''s columns' {
        $text = Get-OmnideskCustomer -First 20 | Format-Table | Out-String -Width 120
        $lines = $text -split '\r?\n'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        ($lines | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match 'CustomerId\s+Name\s+Brand\s+ExternalPrimaryId'
        $text | Should -Match 'Thomas van Test'
    }

    It 'Export-Csv writes readable rows, and Import-Csv pipes them back by CustomerId' {
        $path = Join-Path $TestDrive 'customers.csv'
        $customers = Get-OmnideskCustomer -First 5
        $customers | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows.CustomerId | Should -Be ($customers.CustomerId | ForEach-Object { "$_" })
        $rows[0].Name | Should -Be 'Thomas van Test'
        $rows[0].BrandName | Should -Be (Get-ApiCustomer 626800).brand_name
        ($rows | Get-OmnideskCustomer).CustomerId | Should -Be $customers.CustomerId
    }
}

Describe 'Get-OmnideskCustomer: by id' {
    BeforeEach { Reset-TestEmulator $emulator; Connect-TestComEmulator $emulator }

    It 'reads a customer with its channels and custom fields' {
        $api = Get-ApiCustomer 626800
        $customer = Get-OmnideskCustomer -CustomerId 626800
        $customer.CustomerId | Should -Be 626800
        $customer.Firstname | Should -Be $api.firstname
        $customer.Lastname | Should -Be $api.lastname
        $customer.ExternalPrimaryId | Should -Be $api.external_primary_id
        $customer.BrandId | Should -Be $api.brand_id
        $customer.Channels.Address | Should -Be $api.customer_channels.unique_reference
        $customer.Channels.Count | Should -BeGreaterThan 0
        $customer.CustomFields.Count | Should -Be @($api.customer_custom_fields).Count
        foreach ($field in $api.customer_custom_fields) { $customer.CustomFields[$field.name] | Should -Be $field.value }
        $customer.CustomFields.Count | Should -BeGreaterThan 0
    }

    It 'binds every way ids arrive: plain ids, text, [pscustomobject], customer_id, typed customers, CSV rows' {
        $ids = [long[]](626803, 626801, 626802)
        (626803, 626801, 626802 | Get-OmnideskCustomer).CustomerId | Should -Be $ids
        ('626803', '626801', '626802' | Get-OmnideskCustomer).CustomerId | Should -Be $ids
        (Get-OmnideskCustomer 626803, 626801, 626802).CustomerId | Should -Be $ids
        ($ids | ForEach-Object { [pscustomobject]@{ CustomerId = $_ } } | Get-OmnideskCustomer).CustomerId | Should -Be $ids
        ($ids | ForEach-Object { [pscustomobject]@{ customer_id = $_ } } | Get-OmnideskCustomer).CustomerId | Should -Be $ids
        ($ids | ForEach-Object { (Invoke-ComApi $emulator "customer/$_").item } | Get-OmnideskCustomer).CustomerId | Should -Be $ids
        (Get-OmnideskCustomer -Query 'de Boer' -First 2 | Get-OmnideskCustomer).Channels.Count | Should -BeGreaterThan 1
        $path = Join-Path $TestDrive 'ids.csv'
        $ids | ForEach-Object { [pscustomobject]@{ customer_id = $_; note = 'x' } } | Export-Csv $path -NoTypeInformation
        (Import-Csv $path | Get-OmnideskCustomer).CustomerId | Should -Be $ids
    }

    It 'a ticket pipes into its customer: the CustomerId, not the ticket id' {
        $apiTicket = (Invoke-ComApi $emulator 'ticket/858401').item
        $apiTicket.customer_id | Should -BeGreaterThan 0
        $ticket = if (Get-Command Get-OmnideskTicket -ErrorAction SilentlyContinue) { Get-OmnideskTicket -TicketId 858401 }
                  else { [Omnidesk.OmnideskTicket]@{ TicketId = 858401; CustomerId = $apiTicket.customer_id } }
        ($ticket | Get-OmnideskCustomer).CustomerId | Should -Be $apiTicket.customer_id
        # The API's own ticket object has id (the ticket) and customer_id: customer_id wins.
        ($apiTicket | Get-OmnideskCustomer).CustomerId | Should -Be $apiTicket.customer_id
    }

    It 'a ticket without a customer (CustomerId 0) is an ObjectNotFound error of its own, with nothing sent for it' {
        Clear-EmulatorRequest $emulator
        $tickets = [Omnidesk.OmnideskTicket]@{ TicketId = 858401; CustomerId = 0 }, [Omnidesk.OmnideskTicket]@{ TicketId = 858402; CustomerId = 626800 }
        $out = $tickets | Get-OmnideskCustomer -ErrorVariable failed -ErrorAction SilentlyContinue
        $out.CustomerId | Should -Be 626800
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskNoCustomer,Omnidesk.Commands.GetOmnideskCustomerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 0
        $failed[0].Exception.Message | Should -Match 'no customer'
        (Get-ApiRequest 'customer/0') | Should -BeNullOrEmpty
        (Get-EmulatorRequest $emulator).path | Should -Be '/api/v2/customer/626800'
    }

    It 'an unknown customer is a non-terminating ObjectNotFound error with the API''s message; the others are written in order' {
        $out = 626805, 9999999, 626800 | Get-OmnideskCustomer -ErrorVariable failed -ErrorAction SilentlyContinue
        $out.CustomerId | Should -Be @(626805, 626800)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskApi400.customer_not_found,Omnidesk.Commands.GetOmnideskCustomerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 9999999
        $failed[0].Exception.ServerMessage | Should -Be 'This customer does not exist.'
        $failed[0].Exception.Message | Should -Match 'This customer does not exist\.'
    }

    It '-Skip and -First count the ids: those skipped or past -First are not read' {
        Clear-EmulatorRequest $emulator
        (626800, 626801, 626802, 626803 | Get-OmnideskCustomer -Skip 1 -First 2).CustomerId | Should -Be @(626801, 626802)
        (Get-EmulatorRequest $emulator).path | Sort-Object | Should -Be @('/api/v2/customer/626801', '/api/v2/customer/626802')
    }

    It 'bad input is refused by binding, with nothing sent: text that is no id, an object that names no customer' {
        Clear-EmulatorRequest $emulator
        { 'thomas' | Get-OmnideskCustomer -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectNotBound,Omnidesk.Commands.GetOmnideskCustomerCommand'
        { [pscustomobject]@{ Name = 'x' } | Get-OmnideskCustomer -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectNotBound,Omnidesk.Commands.GetOmnideskCustomerCommand'
        { Get-OmnideskCustomer -CustomerId 'thomas' } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,Omnidesk.Commands.GetOmnideskCustomerCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'refuses a connection to omnidesk.ru' {
        $ru = Connect-Omnidesk -BaseUri $emulator.BaseUri -Credential (New-DemoCredential) -PassThru
        { Get-OmnideskCustomer 626800 -Connection $ru } | Should -Throw -ErrorId 'OmnideskWrongProduct,Omnidesk.Commands.GetOmnideskCustomerCommand'
    }
}

Describe 'New-OmnideskCustomer' {
    BeforeEach { Reset-TestEmulator $emulator; Connect-TestComEmulator $emulator }

    It 'creates a customer with custom fields and writes it as Get-OmnideskCustomer reads it' {
        $before = (Invoke-ComApi $emulator 'customer?itemLimit=1').itemTotal
        $new = New-OmnideskCustomer -BrandId 2 -ChannelKind email -Address 'nina.new@example.test' -Firstname Nina -Lastname New `
            -ExternalPrimaryId 'CRM4711' -CustomField @{ company = 'Acme BV'; newsletter = $true }
        $new | Should -BeOfType ([Omnidesk.OmnideskCustomer])
        (Invoke-ComApi $emulator 'customer?itemLimit=1').itemTotal | Should -Be ($before + 1)
        $api = Get-ApiCustomer $new.CustomerId
        $api.firstname | Should -Be 'Nina'
        $api.lastname | Should -Be 'New'
        $api.external_primary_id | Should -Be 'CRM4711'
        $api.brand_id | Should -Be 2
        $api.customer_channels.unique_reference | Should -Be 'nina.new@example.test'
        ($api.customer_custom_fields | Where-Object name -eq 'company').value | Should -Be 'Acme BV'
        ($api.customer_custom_fields | Where-Object name -eq 'newsletter').value | Should -Be '1'
        $read = Get-OmnideskCustomer -CustomerId $new.CustomerId
        $read.Name | Should -Be $new.Name
        $read.Channels.Address | Should -Be $new.Channels.Address
        $read.CustomFields['company'] | Should -Be 'Acme BV'
        $new.CustomFields['company'] | Should -Be 'Acme BV'
    }

    It 'creates one customer per CSV row, bound by the API''s field names; an empty column is not sent' {
        $path = Join-Path $TestDrive 'new.csv'
        @(
            [pscustomobject]@{ brand_id = 1; channel_id = 'email'; customer_link_channel = 'row.one@example.test'; firstname = 'Row'; lastname = 'One'; primary_id = 'R1'; ticket_id = '' }
            [pscustomobject]@{ brand_id = 2; channel_id = 'telephone'; customer_link_channel = '+31611111111'; firstname = 'Row'; lastname = 'Two'; primary_id = ''; ticket_id = '858400' }
        ) | Export-Csv $path -NoTypeInformation
        $created = Import-Csv $path | New-OmnideskCustomer
        $created.Count | Should -Be 2
        $created.Name | Should -Be @('Row One', 'Row Two')
        (Get-ApiCustomer $created[0].CustomerId).external_primary_id | Should -Be 'R1'
        (Get-ApiCustomer $created[1].CustomerId).external_primary_id | Should -BeNullOrEmpty
        (Get-ApiCustomer $created[1].CustomerId).customer_channels.unique_reference | Should -Be '+31611111111'
        (Invoke-ComApi $emulator 'ticket/858400').item.customer_id | Should -Be $created[1].CustomerId
    }

    It 'binds [pscustomobject] input by the parameter names' {
        $new = [pscustomobject]@{ BrandId = 1; ChannelKind = 'twitter'; Address = '@nina'; Firstname = 'Nina' } | New-OmnideskCustomer
        (Get-ApiCustomer $new.CustomerId).customer_channels.unique_reference | Should -Be '@nina'
    }

    It '-WhatIf sends nothing' {
        Clear-EmulatorRequest $emulator
        $out = New-OmnideskCustomer -BrandId 1 -ChannelKind email -Address 'what.if@example.test' -WhatIf
        $out | Should -BeNullOrEmpty
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'a channel already linked is a 400 with the API''s message; the other rows are still created' {
        $rows = @(
            [pscustomobject]@{ BrandId = 1; ChannelKind = 'email'; Address = 'thomas.vantest1@example.test' }
            [pscustomobject]@{ BrandId = 1; ChannelKind = 'email'; Address = 'fresh@example.test' }
        )
        $out = $rows | New-OmnideskCustomer -ErrorVariable failed -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $out.Channels.Address | Should -Be 'fresh@example.test'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^OmnideskApi400'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.ServerMessage | Should -Be 'This channel is already linked to a customer.'
        $failed[0].TargetObject | Should -Be 'thomas.vantest1@example.test'
    }

    It 'a read-only key is PermissionDenied, with the API''s message' {
        Connect-TestComEmulator $emulator -ApiKey readonly-com-api-key
        New-OmnideskCustomer -BrandId 1 -ChannelKind email -Address 'ro@example.test' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^OmnideskApi403'
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].Exception.ServerMessage | Should -Match 'CUSTOMER_CUD'
    }

    It 'refuses bad input before sending: an unknown channel kind, a custom field that is a field of its own, a list value' {
        Clear-EmulatorRequest $emulator
        { New-OmnideskCustomer -BrandId 1 -ChannelKind sms -Address 'x' } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.NewOmnideskCustomerCommand'
        $caught = $null
        try { New-OmnideskCustomer -BrandId 1 -ChannelKind email -Address 'a@example.test' -CustomField @{ firstname = 'x' } } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'OmnideskInvalidCustomField,Omnidesk.Commands.NewOmnideskCustomerCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -Match 'firstname'
        # One bad row of many is an error of its own: a blank address.
        $out = @([pscustomobject]@{ BrandId = 1; ChannelKind = 'email'; Address = '  ' }) | New-OmnideskCustomer -ErrorVariable failed -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskInvalidCustomer,Omnidesk.Commands.NewOmnideskCustomerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        { New-OmnideskCustomer -BrandId 1 -ChannelKind email -Address 'a@example.test' -CustomField @{ tags = 1, 2 } } |
            Should -Throw -ErrorId 'OmnideskInvalidCustomField,Omnidesk.Commands.NewOmnideskCustomerCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Set-OmnideskCustomer' {
    BeforeEach { Reset-TestEmulator $emulator; Connect-TestComEmulator $emulator }

    It 'changes the names and custom fields of the customer of that primary id; what is not given stays' {
        $before = Get-ApiCustomer 626802
        $out = Set-OmnideskCustomer -ExternalPrimaryId $before.external_primary_id -Lastname 'Changed' -CustomField @{ company = 'Beta BV' }
        $out | Should -BeNullOrEmpty
        $after = Get-ApiCustomer 626802
        $after.lastname | Should -Be 'Changed'
        $after.firstname | Should -Be $before.firstname
        ($after.customer_custom_fields | Where-Object name -eq 'company').value | Should -Be 'Beta BV'
        $put = @(Get-EmulatorRequest $emulator | Where-Object method -eq 'PUT')
        $put.Count | Should -Be 1
        $put[0].path | Should -Be '/api/v2/customer/updateCustomer'
    }

    It '-PassThru writes the changed customer, found by its primary id and read by its id' {
        $primaryId = (Get-ApiCustomer 626804).external_primary_id
        Clear-EmulatorRequest $emulator
        $out = Set-OmnideskCustomer -ExternalPrimaryId $primaryId -Firstname 'Renamed' -PassThru
        $out.CustomerId | Should -Be 626804
        $out.Firstname | Should -Be 'Renamed'
        $out.Channels.Count | Should -BeGreaterThan 0
        $requests = Get-EmulatorRequest $emulator
        $requests.method | Should -Be @('PUT', 'GET', 'GET')
        $requests[1].path | Should -Be '/api/v2/customer'
        $requests[1].query | Should -Match "query=$primaryId"
        $requests[2].path | Should -Be '/api/v2/customer/626804'
    }

    It 'piped customers update by their primary id; one without one is an error of its own with nothing sent for it' {
        $customers = Get-OmnideskCustomer 626801, 626802
        $customers[0].ExternalPrimaryId | Should -BeNullOrEmpty
        Clear-EmulatorRequest $emulator
        $customers | Set-OmnideskCustomer -CustomField @{ membership = 'silver' } -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskCustomerWithoutPrimaryId,Omnidesk.Commands.SetOmnideskCustomerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'only by its external primary id'
        $failed[0].TargetObject | Should -Match ([regex]::Escape($customers[0].Name))
        @(Get-EmulatorRequest $emulator | Where-Object method -eq 'PUT').Count | Should -Be 1
        ((Get-ApiCustomer 626802).customer_custom_fields | Where-Object name -eq 'membership').value | Should -Be 'silver'
        ((Get-ApiCustomer 626801).customer_custom_fields | Where-Object name -eq 'membership') | Should -BeNullOrEmpty
    }

    It 'updates from CSV rows named as the API names the fields' {
        $path = Join-Path $TestDrive 'update.csv'
        $ids = (Get-ApiCustomer 626800).external_primary_id, (Get-ApiCustomer 626806).external_primary_id
        $ids | ForEach-Object { [pscustomobject]@{ external_primary_id = $_; brand_id = ''; lastname = "Csv $_" } } | Export-Csv $path -NoTypeInformation
        Import-Csv $path | Set-OmnideskCustomer
        (Get-ApiCustomer 626800).lastname | Should -Be "Csv $($ids[0])"
        (Get-ApiCustomer 626806).lastname | Should -Be "Csv $($ids[1])"
    }

    It '-WhatIf sends nothing' {
        Clear-EmulatorRequest $emulator
        Set-OmnideskCustomer -ExternalPrimaryId '20164564646592000' -Firstname 'X' -PassThru -WhatIf | Should -BeNullOrEmpty
        Get-OmnideskCustomer 626800, 626802 | Set-OmnideskCustomer -Lastname 'X' -WhatIf
        @(Get-EmulatorRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
        (Get-ApiCustomer 626800).firstname | Should -Be 'Thomas'
    }

    It 'nothing to change is a terminating argument error, with nothing sent' {
        Clear-EmulatorRequest $emulator
        { Set-OmnideskCustomer -ExternalPrimaryId '20164564646592000' } |
            Should -Throw -ErrorId 'OmnideskNothingToChange,Omnidesk.Commands.SetOmnideskCustomerCommand'
        { Set-OmnideskCustomer -ExternalPrimaryId '20164564646592000' -BrandId 1 } |
            Should -Throw -ErrorId 'OmnideskNothingToChange,Omnidesk.Commands.SetOmnideskCustomerCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It '-PassThru warns, after updating, when the primary id cannot be searched for (not letters, digits and spaces)' {
        $new = New-OmnideskCustomer -BrandId 1 -ChannelKind email -Address 'dash@example.test' -ExternalPrimaryId 'CRM-42' -Lastname 'Before'
        Clear-EmulatorRequest $emulator
        $out = Set-OmnideskCustomer -ExternalPrimaryId 'CRM-42' -Lastname 'After' -PassThru -WarningVariable warned -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'updated, but it cannot be read back'
        (Get-EmulatorRequest $emulator).method | Should -Be 'PUT'
        (Get-ApiCustomer $new.CustomerId).lastname | Should -Be 'After'
    }

    It 'New and Set refuse a connection to omnidesk.ru, sending nothing' {
        $ru = Connect-Omnidesk -BaseUri $emulator.BaseUri -Credential (New-DemoCredential) -PassThru
        Clear-EmulatorRequest $emulator
        { New-OmnideskCustomer -BrandId 1 -ChannelKind email -Address 'ru@example.test' -Connection $ru } |
            Should -Throw -ErrorId 'OmnideskWrongProduct,Omnidesk.Commands.NewOmnideskCustomerCommand'
        { Set-OmnideskCustomer -ExternalPrimaryId '20164564646592000' -Lastname 'X' -Connection $ru } |
            Should -Throw -ErrorId 'OmnideskWrongProduct,Omnidesk.Commands.SetOmnideskCustomerCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'an unknown primary id is ObjectNotFound with the API''s message' {
        Set-OmnideskCustomer -ExternalPrimaryId 'nobody123' -Firstname 'X' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskApi400.customer_not_found,Omnidesk.Commands.SetOmnideskCustomerCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'nobody123'
        $failed[0].Exception.ServerMessage | Should -Be 'This customer does not exist.'
    }
}

Describe 'Get-OmnideskAgent' {
    BeforeEach { Reset-TestEmulator $emulator; Connect-TestComEmulator $emulator }

    It 'lists the API''s agents' {
        $api = Invoke-ComApi $emulator 'user?itemLimit=999'
        $agents = Get-OmnideskAgent
        $agents.AgentId | Should -Be $api.items.id
        $agents.Count | Should -Be $api.itemTotal
        $agents[0] | Should -BeOfType ([Omnidesk.OmnideskAgent])
        ($agents | Where-Object AgentId -eq 300).Active | Should -BeFalse
    }

    It '-ActiveOnly asks the API for active agents only: agent 300 is left out' {
        $active = Get-OmnideskAgent -ActiveOnly
        $active.AgentId | Should -Not -Contain 300
        $active.AgentId | Should -Be (Invoke-ComApi $emulator 'user?activeOnly=1').items.id
        (Get-ApiRequest 'user')[0].query | Should -Match 'activeOnly=1'
    }

    It '-Query and -Name (wildcards, on the client) select agents' {
        (Get-OmnideskAgent -Query 'marleen').AgentId | Should -Be (Invoke-ComApi $emulator 'user?query=marleen').items.id
        (Get-OmnideskAgent -Name 's*', 'DAAN').AgentId | Should -Be @(254, 255)
        (Get-OmnideskAgent -Name 'nobody*') | Should -BeNullOrEmpty
    }

    It 'pages with -PageSize; -PageSize above 999 is refused' {
        $total = (Invoke-ComApi $emulator 'user').itemTotal
        Clear-EmulatorRequest $emulator
        (Get-OmnideskAgent -PageSize 2).Count | Should -Be $total
        # after the first page tells the total, the rest are read ahead together: they arrive in any order
        (Get-ApiRequest 'user') | ForEach-Object { Get-ItemStart $_ } | Sort-Object | Should -Be @(0, 2, 4)
        { Get-OmnideskAgent -PageSize 1000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.GetOmnideskAgentCommand'
    }

    It 'Format-Table fits 120 columns and names the groups' {
        $text = Get-OmnideskAgent | Format-Table | Out-String -Width 120
        ($text -split '\r?\n') | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        $text | Should -Match 'General; Customer Support'
    }
}

Describe 'Get-OmnideskView' {
    BeforeEach { Reset-TestEmulator $emulator; Connect-TestComEmulator $emulator }

    It 'lists the API''s views' {
        $api = Invoke-ComApi $emulator 'view'
        $views = Get-OmnideskView
        $views.ViewId | Should -Be $api.items.id
        $views.Slug | Should -Be $api.items.slug
        $views[0] | Should -BeOfType ([Omnidesk.OmnideskView])
        (Get-OmnideskView -IncludeTotalCount -First 1)[0] | Should -Be $api.itemTotal
    }

    It '-Query and -Name select views; a -Query the API refuses is refused before sending' {
        (Get-OmnideskView -Query 'finance').ViewId | Should -Be 14
        (Get-OmnideskView -Name '*ed').ViewId | Should -Be @(13)
        Clear-EmulatorRequest $emulator
        { Get-OmnideskView -Query 'open?' } | Should -Throw -ErrorId 'OmnideskInvalidQuery,Omnidesk.Commands.GetOmnideskViewCommand'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }

    It 'Format-Table fits 120 columns and shows the conditions as text' {
        $text = Get-OmnideskView | Format-Table | Out-String -Width 120
        ($text -split '\r?\n') | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        $text | Should -Match 'status=new,open'
        $text | Should -Not -Match 'System\.Object'
    }
}
