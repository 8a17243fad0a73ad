# Get-, New-, Set- and Remove-OmnideskTicket against the emulator's Omnidesk.com (API v2) account: lists with their
# filters and paging, tickets by id, the pipelines and every way input arrives, errors as scripts see them, -WhatIf.
# Expected values come from the API itself (Invoke-ComApi), not from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestComEmulator $emulator

    function Get-ApiTotal([string] $Query) { (Invoke-ComApi $emulator "ticket?$Query&itemLimit=1").itemTotal }
    function Get-ApiIds([string] $Query) { @((Invoke-ComApi $emulator "ticket?$Query&itemLimit=9999").items.id | ForEach-Object { [long]$_ }) }
    function Get-ApiTicket([long] $Id) { (Invoke-ComApi $emulator "ticket/$Id").item }
    function Get-TicketRequest { @(Get-EmulatorRequest $emulator | Where-Object path -like '/api/v2/*') }
    function Test-TicketExists([long] $Id) { try { [void](Get-ApiTicket $Id); $true } catch { $false } }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Get-OmnideskTicket lists' {
    BeforeAll { Reset-TestEmulator $emulator }

    It 'every ticket by default: the API''s itemTotal, each once, page by page' {
        $tickets = Get-OmnideskTicket -PageSize 50
        $tickets.Count | Should -Be (Get-ApiTotal '')
        ($tickets.TicketId | Sort-Object -Unique).Count | Should -Be $tickets.Count
        $tickets[0] | Should -BeOfType [Omnidesk.OmnideskTicket]
    }

    It '-Status <Status> gives the API''s count' -ForEach @(
        @{ Status = 'new' }, @{ Status = 'open' }, @{ Status = 'pending' }, @{ Status = 'holding' }, @{ Status = 'solved' }, @{ Status = 'closed' }
    ) {
        $tickets = @(Get-OmnideskTicket -Status $Status)
        $tickets.Count | Should -Be (Get-ApiTotal "status=$Status")
        $tickets.Count | Should -BeGreaterThan 0
        $tickets | ForEach-Object { $_.Status | Should -Be $Status }
    }

    It 'several statuses are one query: their union' {
        $tickets = @(Get-OmnideskTicket -Status open, pending)
        $tickets.Count | Should -Be (Get-ApiTotal 'status=open&status=pending')
        ($tickets.Status | Sort-Object -Unique) | Should -Be @('open', 'pending')
    }

    It '-First, -Skip and -IncludeTotalCount read only the pages needed, as itemStart/itemLimit' {
        Clear-EmulatorRequest $emulator
        $result = Get-OmnideskTicket -Skip 5 -First 3 -IncludeTotalCount -PageSize 2
        $queries = @(Get-TicketRequest).query
        $result[0] | Should -BeOfType [uint64]
        $result[0] | Should -Be (Get-ApiTotal '')
        $ids = @($result | Select-Object -Skip 1 | ForEach-Object TicketId)
        $ids | Should -Be @((Invoke-ComApi $emulator 'ticket?itemStart=5&itemLimit=3').items.id | ForEach-Object { [long]$_ })
        $queries | Should -Be @('?itemStart=4&itemLimit=2', '?itemStart=6&itemLimit=2')
    }

    It '-First alone asks for no more than it needs' {
        Clear-EmulatorRequest $emulator
        @(Get-OmnideskTicket -First 7).Count | Should -Be 7
        @(Get-TicketRequest).query | Should -Be @('?itemLimit=7')
    }

    It '-Query <Query> gives what the API''s query gives' -ForEach @(@{ Query = 'invoice' }, @{ Query = 'example.test' }) {
        $ids = @(Get-OmnideskTicket -Query $Query).TicketId
        $ids | Should -Be (Get-ApiIds "query=$([uri]::EscapeDataString($Query))")
        $ids.Count | Should -BeGreaterThan 0
    }

    It '-View takes a view''s slug or id, or a piped view' {
        $expected = Get-ApiIds 'applyView=waiting'
        $expected.Count | Should -BeGreaterThan 0
        @(Get-OmnideskTicket -View waiting).TicketId | Should -Be $expected
        @(Get-OmnideskTicket -View 12).TicketId | Should -Be $expected
        @([pscustomobject]@{ Slug = 'waiting'; Name = 'Waiting' } | Get-OmnideskTicket).TicketId | Should -Be $expected
        (Get-EmulatorRequest $emulator | Select-Object -Last 1).query | Should -Match 'applyView=waiting'
    }

    It 'an unknown view stops the command with the server''s message' {
        { Get-OmnideskTicket -View no-such-view -ErrorAction Stop } | Should -Throw -ExpectedMessage '*This view does not exist.*'
    }

    It '-IncludeArchived lists the archived tickets too (searchArchived=yes)' {
        Clear-EmulatorRequest $emulator
        $all = @(Get-OmnideskTicket -IncludeArchived -Status closed)
        $all.Count | Should -Be (Get-ApiTotal 'status=closed&searchArchived=yes')
        $all.Count | Should -BeGreaterThan (Get-ApiTotal 'status=closed')
        (Get-TicketRequest)[0].query | Should -Match 'searchArchived=yes'
    }

    It 'a bad status or view is refused before anything is sent' {
        Clear-EmulatorRequest $emulator
        { Get-OmnideskTicket -Status finished } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.GetOmnideskTicketCommand'
        { Get-OmnideskTicket -View 'a b' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.GetOmnideskTicketCommand'
        { Get-OmnideskTicket -PageSize 10000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.GetOmnideskTicketCommand'
        Get-TicketRequest | Should -BeNullOrEmpty
    }
}

Describe 'Get-OmnideskTicket by id' {
    BeforeAll { Reset-TestEmulator $emulator }

    It '-IncludeHistory adds the events to the timeline, as getTicketHistory does' {
        $ticket = Get-OmnideskTicket -TicketId 858405 -IncludeHistory
        $api = (Invoke-ComApi $emulator 'ticket/858405?getTicketHistory=1').item
        $ticket.HistoryIncluded | Should -BeTrue
        $ticket.Timeline.Count | Should -Be @($api.timeline).Count
        @($ticket.Timeline | Where-Object Type -eq 'event').Count | Should -Be @($api.timeline | Where-Object type -eq 'event').Count
        @($ticket.Timeline | Where-Object Type -eq 'event').Count | Should -BeGreaterThan 0
        $plain = Get-OmnideskTicket -TicketId 858405
        @($plain.Timeline | Where-Object Type -eq 'event') | Should -BeNullOrEmpty
        $plain.Timeline.Count | Should -Be @((Get-ApiTicket 858405).timeline).Count
    }

    It 'reads what the API answers: <_>' -ForEach @(858400, 858404) {
        $ticket = Get-OmnideskTicket $_
        $api = Get-ApiTicket $_
        $ticket.TicketId | Should -Be $_
        $ticket.Title | Should -BeExactly $api.title
        $ticket.Status | Should -BeExactly $api.status
        $ticket.CustomerId | Should -Be $api.customer_id
        $ticket.CreatedAt | Should -BeOfType [DateTimeOffset]
        $ticket.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss') | Should -Be $api.created_at
    }

    It 'takes <Name> from the pipeline, in the order given' -ForEach @(
        @{ Name = 'plain ids'; Make = { 858403, 858401, 858402 } }
        @{ Name = 'typed tickets'; Make = { Get-OmnideskTicket -TicketId 858403, 858401, 858402 } }
        @{ Name = '[pscustomobject]s with ticket_id'; Make = { 858403, 858401, 858402 | ForEach-Object { [pscustomobject]@{ ticket_id = $_ } } } }
        @{ Name = '[pscustomobject]s with id'; Make = { 858403, 858401, 858402 | ForEach-Object { [pscustomobject]@{ id = $_; title = 'x' } } } }
        @{ Name = 'CSV rows'; Make = {
                $path = Join-Path $TestDrive 'ids.csv'
                Get-OmnideskTicket -TicketId 858403, 858401, 858402 | Export-Csv $path -NoTypeInformation
                Import-Csv $path } }
    ) {
        $input = & $Make
        $tickets = @($input | Get-OmnideskTicket)
        $tickets.TicketId | Should -Be @(858403, 858401, 858402)
        $tickets[1].Title | Should -BeExactly (Get-ApiTicket 858401).title
    }

    It 'an unknown id is an ObjectNotFound error on that id with the server''s message; the others still come' {
        $tickets = @(Get-OmnideskTicket -TicketId 858401, 999999, 858402 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $tickets.TicketId | Should -Be @(858401, 858402)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskApi400.ticket_not_found,Omnidesk.Commands.GetOmnideskTicketCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 999999
        $failed[0].Exception.ServerMessage | Should -Be 'This ticket does not exist.'
    }

    It 'refuses an omnidesk.ru connection before reading anything' {
        Connect-TestEmulator $emulator
        try {
            { Get-OmnideskTicket -TicketId 858400 -ErrorAction Stop } | Should -Throw -ErrorId 'OmnideskWrongProduct,Omnidesk.Commands.GetOmnideskTicketCommand'
        }
        finally { Connect-TestComEmulator $emulator }
    }
}

Describe 'Set-OmnideskTicket' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'Get-OmnideskTicket -Status pending -Query invoice | Set-OmnideskTicket -Status solved -WhatIf sends nothing' {
        $expected = Get-ApiIds 'status=pending&query=invoice'
        $expected.Count | Should -BeGreaterThan 1
        Clear-EmulatorRequest $emulator
        $out = Get-OmnideskTicket -Status pending -Query invoice | Set-OmnideskTicket -Status solved -WhatIf
        $out | Should -BeNullOrEmpty
        @(Get-TicketRequest).path | Should -Be @('/api/v2/ticket') -Because 'only the list is read'
        $expected | ForEach-Object { (Get-ApiTicket $_).status | Should -Be 'pending' }
    }

    It 'the same pipeline without -WhatIf is one setstatus request for all the tickets, and writes nothing' {
        $expected = Get-ApiIds 'status=pending&query=invoice'
        Clear-EmulatorRequest $emulator
        $out = Get-OmnideskTicket -Status pending -Query invoice | Set-OmnideskTicket -Status solved
        $out | Should -BeNullOrEmpty
        $requests = @(Get-TicketRequest | Where-Object method -ne 'GET')
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be '/api/v2/ticket/setstatus'
        $requests[0].status | Should -Be 200
        $expected | ForEach-Object { (Get-ApiTicket $_).status | Should -Be 'solved' }
    }

    It '-Priority from <Name> is one setPriority request' -ForEach @(
        @{ Name = 'plain ids'; Make = { 858401, 858402, 858403 } }
        @{ Name = '[pscustomobject]s'; Make = { 858401, 858402, 858403 | ForEach-Object { [pscustomobject]@{ ticket_id = $_ } } } }
        @{ Name = 'CSV rows'; Make = {
                $path = Join-Path $TestDrive 'priority.csv'
                858401, 858402, 858403 | ForEach-Object { [pscustomobject]@{ id = $_; note = 'escalate' } } | Export-Csv $path -NoTypeInformation
                Import-Csv $path } }
    ) {
        $input = & $Make
        Clear-EmulatorRequest $emulator
        $input | Set-OmnideskTicket -Priority Urgent
        @(Get-TicketRequest).path | Should -Be @('/api/v2/ticket/setPriority')
        858401, 858402, 858403 | ForEach-Object { (Get-ApiTicket $_).priority | Should -Be 'urgent' }
    }

    It '-Title is one PUT per ticket; -PassThru reads each once and writes them in input order' {
        Clear-EmulatorRequest $emulator
        $out = @(858404, 858401, 858403 | Set-OmnideskTicket -Title 'Renamed by test' -PassThru)
        $out.TicketId | Should -Be @(858404, 858401, 858403)
        $out | ForEach-Object { $_.Title | Should -Be 'Renamed by test' }
        $requests = @(Get-TicketRequest)
        @($requests | Where-Object method -eq 'PUT').Count | Should -Be 3
        @($requests | Where-Object method -eq 'GET').Count | Should -Be 3
        858404, 858401, 858403 | ForEach-Object { (Get-ApiTicket $_).title | Should -Be 'Renamed by test' }
    }

    It 'an unknown id in a batch: its own ObjectNotFound error, and every other ticket changed' {
        Clear-EmulatorRequest $emulator
        858401, 999999, 858402, 858403 | Set-OmnideskTicket -Status holding -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].FullyQualifiedErrorId | Should -Be 'OmnideskApi400.ticket_not_found,Omnidesk.Commands.SetOmnideskTicketCommand'
        $failed[0].TargetObject | Should -Be 999999
        $failed[0].Exception.ServerMessage | Should -Be 'This ticket does not exist.'
        858401, 858402, 858403 | ForEach-Object { (Get-ApiTicket $_).status | Should -Be 'holding' }
        $statuses = @(Get-TicketRequest | Where-Object path -eq '/api/v2/ticket/setstatus').status
        # the batch fails first; the tickets then go alone, several at a time, so their answers arrive in any order
        $statuses[0] | Should -Be 400 -Because 'the batch fails'
        @($statuses | Select-Object -Skip 1 | Sort-Object) | Should -Be @(200, 200, 200, 400) -Because 'then each ticket goes alone'
    }

    It 'a key without SET_STATUS: one PermissionDenied error per ticket with the server''s message, nothing retried' {
        Connect-TestComEmulator $emulator -ApiKey nostatus-com-api-key
        try {
            Clear-EmulatorRequest $emulator
            858401, 858402 | Set-OmnideskTicket -Status closed -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $requests = @(Get-TicketRequest)
        }
        finally { Connect-TestComEmulator $emulator }
        $failed.Count | Should -Be 2
        $failed.TargetObject | Should -Be @(858401, 858402)
        $failed | ForEach-Object {
            $_.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $_.FullyQualifiedErrorId | Should -Be 'OmnideskApi403,Omnidesk.Commands.SetOmnideskTicketCommand'
            $_.Exception.ServerMessage | Should -Be 'API key lacks permission SET_STATUS.'
        }
        $requests.Count | Should -Be 1 -Because 'a 403 is not retried, and -PassThru reads no failed ticket'
        (Get-ApiTicket 858401).status | Should -Be 'open'
    }

    It 'a bad status is refused before sending; nothing to change is a terminating argument error' {
        Clear-EmulatorRequest $emulator
        { Set-OmnideskTicket -TicketId 858401 -Status finished } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Omnidesk.Commands.SetOmnideskTicketCommand'
        $e = { 858401 | Set-OmnideskTicket } | Should -Throw -ErrorId 'OmnideskNoChange,Omnidesk.Commands.SetOmnideskTicketCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception.Message | Should -Match '-Title.*-Status'
        Get-TicketRequest | Should -BeNullOrEmpty
    }
}

Describe 'New-OmnideskTicket and Remove-OmnideskTicket' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'New writes the ticket the API made; Remove deletes it' {
        $ticket = New-OmnideskTicket -Title 'Printer on fire' -From 'anna@example.test' -To 'support@demo.test' -Direction inbound -ChannelId 1 -BrandId 1 -GroupId 10002
        $ticket | Should -BeOfType [Omnidesk.OmnideskTicket]
        $api = Get-ApiTicket $ticket.TicketId
        $api.title | Should -Be 'Printer on fire'
        $api.status | Should -Be 'new'
        $api.assigned_group_id | Should -Be 10002
        $ticket.Status | Should -Be 'new'
        $ticket.ChannelId | Should -Be 1
        $ticket | Remove-OmnideskTicket -Force
        Test-TicketExists $ticket.TicketId | Should -BeFalse
    }

    It 'New takes CSV rows with the API''s field names, one ticket each' {
        $path = Join-Path $TestDrive 'new-tickets.csv'
        @(
            [pscustomobject]@{ title = 'Refund A'; from = 'a@example.test'; to = 'support@demo.test'; direction = 'inbound'; channel_id = 1; brand_id = 1; assigned_group_id = '' }
            [pscustomobject]@{ title = 'Refund B'; from = 'support@demo.test'; to = 'b@example.test'; direction = 'outbound'; channel_id = 1; brand_id = 2; assigned_group_id = 10001 }
        ) | Export-Csv $path -NoTypeInformation
        $tickets = @(Import-Csv $path | New-OmnideskTicket)
        $tickets.Title | Should -Be @('Refund A', 'Refund B')
        (Get-ApiTicket $tickets[1].TicketId).brand_id | Should -Be 2
        (Get-ApiTicket $tickets[1].TicketId).assigned_group_id | Should -Be 10001
        (Get-ApiTicket $tickets[0].TicketId).assigned_group_id | Should -Be 0
    }

    It 'New -WhatIf sends nothing' {
        Clear-EmulatorRequest $emulator
        New-OmnideskTicket -Title 'Nope' -From 'a@example.test' -To 'support@demo.test' -Direction inbound -ChannelId 1 -BrandId 1 -WhatIf | Should -BeNullOrEmpty
        Get-TicketRequest | Should -BeNullOrEmpty
    }

    It 'an unknown brand is an error with the server''s message' {
        New-OmnideskTicket -Title 'Nope' -From 'a@example.test' -To 'support@demo.test' -Direction inbound -ChannelId 1 -BrandId 77 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].Exception.ServerMessage | Should -Match 'brand'
        $failed[0].CategoryInfo.Category | Should -BeIn @('ObjectNotFound', 'InvalidArgument')
    }

    It 'Remove -WhatIf sends nothing and the ticket stays' {
        Clear-EmulatorRequest $emulator
        Get-OmnideskTicket -TicketId 858401 | Remove-OmnideskTicket -WhatIf
        @(Get-TicketRequest).method | Should -Be @('GET')
        Test-TicketExists 858401 | Should -BeTrue
    }

    It 'Remove: a missing ticket is a non-terminating ObjectNotFound error; the others are deleted' {
        858401, 999999, 858402 | Remove-OmnideskTicket -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 999999
        Test-TicketExists 858401 | Should -BeFalse
        Test-TicketExists 858402 | Should -BeFalse
    }

    It 'a runbook (-NonInteractive) Remove without -Force fails at once, clearly, and deletes nothing' {
        $run = Invoke-TestPwsh -Emulator $emulator -TimeoutSec 60 -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
Connect-Omnidesk -BaseUri $EmulatorUri -Product OmnideskCom -ApiKey (ConvertTo-SecureString 'demo-com-api-key' -AsPlainText -Force)
Remove-OmnideskTicket -TicketId 858401
'done'
'@
        $run.TimedOut | Should -BeFalse -Because 'a prompt must never wait in a non-interactive session'
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Not -Contain 'done'
        ($run.Errors + $run.Output) -join ' ' | Should -Match 'needs a confirmation.*cannot ask.*Add -Force'
        Test-TicketExists 858401 | Should -BeTrue
    }
}

Describe 'Tickets in files' {
    BeforeAll { Reset-TestEmulator $emulator }

    It 'Export-Csv writes readable dates and tags, and the rows pipe back by id' {
        $path = Join-Path $TestDrive 'tickets.csv'
        $tickets = @(Get-OmnideskTicket -Query invoice -First 15)
        $tickets | Export-Csv $path -NoTypeInformation
        $rows = @(Import-Csv $path)
        $rows.Count | Should -Be $tickets.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $api = Get-ApiTicket $tickets[$i].TicketId
            [DateTimeOffset]::Parse($rows[$i].CreatedAt, [cultureinfo]::InvariantCulture) | Should -Be $tickets[$i].CreatedAt
            ([DateTimeOffset]::Parse($rows[$i].UpdatedAt, [cultureinfo]::InvariantCulture)).ToString('yyyy-MM-dd HH:mm:ss') | Should -Be $api.last_update
            $tags = if ($rows[$i].Tags -eq '') { @() } else { @($rows[$i].Tags -split '; ') }
            $tags | Should -Be @(if ($api.tags) { $api.tags -split ',' } else { @() })
            $rows[$i].Tags | Should -Not -Match 'Omnidesk\.|System\.'
        }
        @($tickets | Where-Object { $_.Tags.Count -gt 0 }) | Should -Not -BeNullOrEmpty
        ($rows | Get-OmnideskTicket).TicketId | Should -Be $tickets.TicketId
    }
}
