# Omnidesk.com (API v2) timelines: Get-OmnideskTicketTimeline, New-OmnideskTicketMessage and New-OmnideskTicketNote,
# against the emulator's Omnidesk.com account. Expected values come from the API's own answers (Invoke-ComApi).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    Connect-TestComEmulator $emulator

    function Get-ApiTimeline([long] $TicketId, [switch] $History) {
        $query = if ($History) { '?getTicketHistory=1' } else { '' }
        @((Invoke-ComApi $emulator "ticket/$TicketId$query").item.timeline)
    }
    # The requests the module made since the last clear, as 'METHOD path'.
    function Get-Sent { @(Get-EmulatorRequest $emulator | ForEach-Object { '{0} {1}' -f $_.method, $_.path }) }
    # A typed ticket that carries its timeline, as Get-OmnideskTicket -TicketId writes it.
    function New-TypedTicket([long] $TicketId, [switch] $History) {
        $entries = [Omnidesk.OmnideskTimelineEntry[]]@(Get-OmnideskTicketTimeline -TicketId $TicketId -IncludeHistory:$History)
        $ticket = [Omnidesk.OmnideskTicket]::new()
        $ticket.TicketId = $TicketId
        $ticket.ChannelId = 1
        $ticket.Timeline = [Omnidesk.OmnideskList[Omnidesk.OmnideskTimelineEntry]]::new($entries)
        $ticket.HistoryIncluded = [bool]$History
        $ticket
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Get-OmnideskTicketTimeline' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'equals the API''s timeline of seeded ticket <_>: count, order, types, ids as numbers, booleans' -ForEach 858402, 858403, 858405 {
        $api = Get-ApiTimeline $_
        $entries = @(Get-OmnideskTicketTimeline -TicketId $_)
        $entries.Count | Should -Be $api.Count
        $entries.Count | Should -BeGreaterThan 1
        $entries | Should -BeOfType ([Omnidesk.OmnideskTimelineEntry])
        $entries.Type | Should -Be @($api.type)
        $entries.EntryId | Should -Be @($api.id | ForEach-Object { [long]$_ })
        $entries[0].EntryId | Should -BeOfType [long]
        $entries.TicketId | Sort-Object -Unique | Should -Be $_
        $entries.Pinned | Should -Be @($api.pinned | ForEach-Object { [int]$_ -eq 1 })
        $entries[0].Pinned | Should -BeOfType [bool]
        $entries.ChannelId | Should -Be @($api.channel_id | ForEach-Object { [long]$_ })
        $entries.UserName | Should -Be @($api.user_name)
        $entries.Content | Should -Be @($api.content)
        $entries.Type | Should -Not -Contain 'event'
        $entries[0].CreatedAt | Should -BeOfType [DateTimeOffset]
        $entries[0].CreatedAt.ToString('yyyy-MM-dd HH:mm:ss') | Should -Be $api[0].created_at
    }

    It 'with -IncludeHistory adds the events, as getTicketHistory=1 gives them' {
        $api = Get-ApiTimeline 858404 -History
        $entries = @(Get-OmnideskTicketTimeline -TicketId 858404 -IncludeHistory)
        $entries.Count | Should -Be $api.Count
        $entries.Type | Should -Be @($api.type)
        $entries.Type | Should -Contain 'event'
        $entries.EntryId | Should -Be @($api.id | ForEach-Object { [long]$_ })
        $events = @($entries | Where-Object Type -eq 'event')
        $apiEvents = @($api | Where-Object type -eq 'event')
        $events.ItemType | Should -Be @($apiEvents.item_type)
        $events.ItemTypeId | Should -Be @($apiEvents.item_type_id | ForEach-Object { "$_" })
        (Get-EmulatorRequest $emulator | Select-Object -Last 1).query | Should -Match 'getTicketHistory=1'
    }

    It '-Type keeps the entries of those types; -Type event reads the history' {
        $api = Get-ApiTimeline 858405 -History
        @(Get-OmnideskTicketTimeline -TicketId 858405 -Type message).EntryId |
            Should -Be @($api | Where-Object type -eq 'message' | ForEach-Object { [long]$_.id })
        @(Get-OmnideskTicketTimeline -TicketId 858405 -Type event).EntryId |
            Should -Be @($api | Where-Object type -eq 'event' | ForEach-Object { [long]$_.id })
    }

    It 'reads meta_data (a JSON text) into To, Cc, Bcc and MetaData' {
        $sent = New-OmnideskTicketMessage -TicketId 858401 -Content 'Copy for the team.' -To 'thomas@test.com' -Cc 'one@test.com', 'two@test.com' -Bcc 'audit@test.com' -ChannelId 1
        $api = (Get-ApiTimeline 858401) | Where-Object { [long]$_.id -eq $sent.EntryId }
        $meta = $api.meta_data | ConvertFrom-Json
        $entry = Get-OmnideskTicketTimeline -TicketId 858401 | Where-Object EntryId -eq $sent.EntryId
        $entry.Cc | Should -Be @($meta.cc | ForEach-Object address)
        $entry.Cc | Should -Be @('one@test.com', 'two@test.com')
        $entry.Bcc | Should -Be @('audit@test.com')
        $entry.To | Should -Be $api.to
        $entry.MetaData.Keys | Should -Contain 'cc'
    }

    It 'makes no request for a typed ticket that carries its timeline, with or without history' {
        $withHistory = New-TypedTicket 858404 -History
        $plain = New-TypedTicket 858403
        Clear-EmulatorRequest $emulator
        $all = @($withHistory | Get-OmnideskTicketTimeline -IncludeHistory)
        $notes = @($withHistory | Get-OmnideskTicketTimeline)
        $fromPlain = @($plain | Get-OmnideskTicketTimeline)
        Get-Sent | Should -BeNullOrEmpty
        $all.EntryId | Should -Be @((Get-ApiTimeline 858404 -History).id | ForEach-Object { [long]$_ })
        # History carried but not asked for: the events are left out, as the API leaves them out.
        $notes.EntryId | Should -Be @((Get-ApiTimeline 858404).id | ForEach-Object { [long]$_ })
        $fromPlain.EntryId | Should -Be @((Get-ApiTimeline 858403).id | ForEach-Object { [long]$_ })
    }

    It 'reads a typed ticket whose timeline lacks the history asked for, or that has none (a list item)' {
        $plain = New-TypedTicket 858404
        $listed = [Omnidesk.OmnideskTicket]@{ TicketId = 858405 }
        Clear-EmulatorRequest $emulator
        $entries = @($plain, $listed | Get-OmnideskTicketTimeline -IncludeHistory)
        Get-Sent | Sort-Object | Should -Be @('GET /api/v2/ticket/858404', 'GET /api/v2/ticket/858405') # read together: in any order
        $entries.Count | Should -Be ((Get-ApiTimeline 858404 -History).Count + (Get-ApiTimeline 858405 -History).Count)
        # Ids given on the command line are read, whatever a piped object carries.
        $empty = [Omnidesk.OmnideskTicket]::new()
        $empty.TicketId = 858404
        $empty.Timeline = [Omnidesk.OmnideskList[Omnidesk.OmnideskTimelineEntry]]::new([Omnidesk.OmnideskTimelineEntry[]]@())
        Clear-EmulatorRequest $emulator
        $given = @($empty | Get-OmnideskTicketTimeline -TicketId 858401)
        Get-Sent | Should -Be @('GET /api/v2/ticket/858401')
        $given.EntryId | Should -Be @((Get-ApiTimeline 858401).id | ForEach-Object { [long]$_ })
    }

    It 'takes plain ids, [pscustomobject]s and CSV rows, in input order' {
        $ids = 858405, 858401, 858403
        $expected = @($ids | ForEach-Object { Get-ApiTimeline $_ } | ForEach-Object { [long]$_.id })
        @($ids | Get-OmnideskTicketTimeline).EntryId | Should -Be $expected
        @(Get-OmnideskTicketTimeline -TicketId $ids).EntryId | Should -Be $expected
        @($ids | ForEach-Object { [pscustomobject]@{ ticket_id = "$_" } } | Get-OmnideskTicketTimeline).EntryId | Should -Be $expected
        $csv = Join-Path $TestDrive 'tickets.csv'
        $ids | ForEach-Object { [pscustomobject]@{ TicketId = $_; Title = "t$_"; Timeline = 'not a timeline'; HistoryIncluded = 'True' } } |
            Export-Csv $csv -NoTypeInformation
        @(Import-Csv $csv | Get-OmnideskTicketTimeline).EntryId | Should -Be $expected
    }

    It 'Export-Csv writes Files, Cc and MetaData readably' {
        New-OmnideskTicketMessage -TicketId 858402 -Content 'Thanks, we are on it.' -To 'x@test.com' -Cc 'cc1@test.com', 'cc2@test.com' -ChannelId 1 | Out-Null
        $csv = Join-Path $TestDrive 'timeline.csv'
        Get-OmnideskTicketTimeline -TicketId 858402 | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be (Get-ApiTimeline 858402).Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'Files'
        $reply = $rows | Where-Object Content -eq 'Thanks, we are on it.'
        $reply.Cc | Should -Be 'cc1@test.com; cc2@test.com'
        $reply.MetaData | Should -Match 'cc1@test\.com'
        $reply.MetaData | Should -Not -Match 'System\.'
        $reply.Files | Should -Be ''
        $reply.EntryId | Should -Match '^\d+$'
    }

    It 'writes an ObjectNotFound error for an unknown ticket, with its id as target and the server''s message; the others go on' {
        $entries = @(858401, 999999, 858403 | Get-OmnideskTicketTimeline -ErrorVariable failed -ErrorAction SilentlyContinue)
        $entries.Count | Should -Be ((Get-ApiTimeline 858401).Count + (Get-ApiTimeline 858403).Count)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'OmnideskApi400.ticket_not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 999999
        $failed[0].Exception.ServerMessage | Should -Be 'This ticket does not exist.'
    }

    It 'Format-Table fits 120 columns and shows the view''s columns, the content without HTML tags' {
        $text = Get-OmnideskTicketTimeline -TicketId 858403 -IncludeHistory | Format-Table | Out-String -Width 120
        $lines = $text -split '\r?\n'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        ($lines | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match '^Type\s+EntryId\s+TicketId\s+Created \(local\)\s+Author\s+Channel\s+Content'
        $text | Should -Not -Match '<p>|<html'
        $text | Should -Match 'event\s+\d+\s+858403'
    }

    It 'refuses a bad id before sending' {
        { Get-OmnideskTicketTimeline -TicketId 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        Get-Sent | Should -BeNullOrEmpty
    }
}

Describe 'New-OmnideskTicketNote and New-OmnideskTicketMessage' {
    BeforeEach { Reset-TestEmulator $emulator }

    It 'a note: Type note, ChannelId 0, the content given, the API''s new entry' {
        $note = New-OmnideskTicketNote -TicketId 858403 -Content 'Customer called, see CRM.' -UserId 2
        $note | Should -BeOfType ([Omnidesk.OmnideskTimelineEntry])
        $api = (Get-ApiTimeline 858403)[0]
        $note.Type | Should -Be 'note'
        $note.ChannelId | Should -Be 0
        $note.EntryId | Should -Be ([long]$api.id)
        $api.type | Should -Be 'note'
        $note.Content | Should -Be 'Customer called, see CRM.'
        $note.UserId | Should -Be 2
        $note.UserName | Should -Be $api.user_name
        $note.Direction | Should -BeNullOrEmpty
    }

    It 'a message: Type message, outbound, To as given, on the ticket''s own channel (read once)' {
        $apiTicket = (Invoke-ComApi $emulator 'ticket/858402').item
        Clear-EmulatorRequest $emulator
        $message = New-OmnideskTicketMessage -TicketId 858402 -Content 'We shipped your order today.' -To 'customer@test.com'
        Get-Sent | Should -Be @('GET /api/v2/ticket/858402', 'POST /api/v2/message', 'GET /api/v2/ticket/858402')
        $api = (Get-ApiTimeline 858402)[0]
        $message.Type | Should -Be 'message'
        $message.Direction | Should -Be 'outbound'
        $message.To | Should -Be 'customer@test.com'
        $message.ChannelId | Should -Be ([long]$apiTicket.channel_id)
        $message.EntryId | Should -Be ([long]$api.id)
        $message.UserName | Should -Be 'Agent Anonymous'
    }

    It 'the issue''s example: a new ticket piped to New-OmnideskTicketMessage replies on its channel without reading it' {
        if (Get-Command New-OmnideskTicket -ErrorAction Ignore) {
            $ticket = New-OmnideskTicket -Title 'Question from Thomas' -From thomas@test.com -To service@mybrand.com -Direction inbound -ChannelId 1 -BrandId 2
        }
        else {
            $item = (Invoke-ComApi $emulator 'ticket' -Method POST -Body @{ title = 'Question from Thomas'; from = 'thomas@test.com'; to = 'service@mybrand.com'; direction = 'inbound'; channelID = 1; brandID = 2 }).item
            $ticket = [pscustomobject]@{ TicketId = $item.id; ChannelId = $item.channel_id }
        }
        Clear-EmulatorRequest $emulator
        $reply = $ticket | New-OmnideskTicketMessage -Content 'Thanks, we are on it.' -To thomas@test.com
        Get-Sent | Should -Be @('POST /api/v2/message', "GET /api/v2/ticket/$($ticket.TicketId)")
        $reply.TicketId | Should -Be $ticket.TicketId
        $reply.Type | Should -Be 'message'
        $reply.To | Should -Be 'thomas@test.com'
        $reply.ChannelId | Should -Be 1
        (Get-ApiTimeline $ticket.TicketId).content | Should -Be @('Thanks, we are on it.')
    }

    It 'takes plain ids, [pscustomobject]s and CSV rows; -ChannelId given means no read for the channel' {
        $csv = Join-Path $TestDrive 'tickets.csv'
        858401, 858402 | ForEach-Object { [pscustomobject]@{ TicketId = $_; Title = "t$_" } } | Export-Csv $csv -NoTypeInformation
        $notes = @(Import-Csv $csv | New-OmnideskTicketNote -Content 'Checked by the night shift.')
        $notes.TicketId | Should -Be @(858401, 858402)
        $notes.Type | Should -Be @('note', 'note')
        Clear-EmulatorRequest $emulator
        $replies = @(858403, 858404 | New-OmnideskTicketMessage -Content 'Your refund is on its way.' -To 'a@test.com' -ChannelId 2)
        $replies.TicketId | Should -Be @(858403, 858404)
        $replies.ChannelId | Should -Be @(2, 2)
        @(Get-Sent | Where-Object { $_ -like 'GET *' }).Count | Should -Be 2   # the read-backs only
        Clear-EmulatorRequest $emulator
        $objects = @([pscustomobject]@{ ticket_id = 858405; channel_id = 8 } | New-OmnideskTicketMessage -Content 'Chat follow-up here.' -To 'b@test.com')
        $objects.ChannelId | Should -Be 8
        Get-Sent | Should -Be @('POST /api/v2/message', 'GET /api/v2/ticket/858405')
    }

    It 'a piped ChannelId holds for its own record only: the next plain id is read for its channel' {
        $channel = [long](Invoke-ComApi $emulator 'ticket/858405').item.channel_id
        $channel | Should -Not -Be 8
        Clear-EmulatorRequest $emulator
        $replies = @([pscustomobject]@{ TicketId = 858401; ChannelId = 8 }, 858405 | New-OmnideskTicketMessage -Content 'Mixed input here.' -To 'c@test.com')
        $replies.ChannelId | Should -Be @(8, $channel)
        Get-Sent | Where-Object { $_ -eq 'GET /api/v2/ticket/858405' } | Should -HaveCount 2   # the channel read and the read-back
        Get-Sent | Where-Object { $_ -eq 'GET /api/v2/ticket/858401' } | Should -HaveCount 1   # the read-back only
    }

    It 'refuses content under 5 characters (after trimming) before sending anything' {
        Clear-EmulatorRequest $emulator
        $err = { 858401, 858402 | New-OmnideskTicketNote -Content '  abc  ' } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OmnideskContentTooShort,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err = { New-OmnideskTicketMessage -TicketId 858401 -Content 'ok' -To 'a@test.com' } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OmnideskContentTooShort,*'
        Get-Sent | Should -BeNullOrEmpty
    }

    It 'refuses -ChannelId 0 for a message (that would be a note) before sending' {
        Clear-EmulatorRequest $emulator
        { New-OmnideskTicketMessage -TicketId 858401 -Content 'Hello there' -To 'a@test.com' -ChannelId 0 } |
            Should -Throw -ErrorId 'OmnideskChannelInvalid,*'
        Get-Sent | Should -BeNullOrEmpty
    }

    It '-WhatIf sends nothing' {
        $before = (Get-ApiTimeline 858401).Count
        Clear-EmulatorRequest $emulator
        858401, 858402 | New-OmnideskTicketNote -Content 'Would be a note.' -WhatIf
        858401 | New-OmnideskTicketMessage -Content 'Would be a reply.' -To 'a@test.com' -WhatIf
        [pscustomobject]@{ TicketId = 858401; ChannelId = 1 } | New-OmnideskTicketMessage -Content 'Would be a reply.' -To 'a@test.com' -WhatIf
        Get-Sent | Should -BeNullOrEmpty
        (Get-ApiTimeline 858401).Count | Should -Be $before
    }

    It 'an unknown ticket is an ObjectNotFound error with its id as target; the others get the note' {
        $notes = @(858401, 999999, 858402 | New-OmnideskTicketNote -Content 'Escalated to tier 2.' -ErrorVariable failed -ErrorAction SilentlyContinue)
        $notes.TicketId | Should -Be @(858401, 858402)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'OmnideskApi400.ticket_not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 999999
        $failed[0].Exception.ServerMessage | Should -Be 'This ticket does not exist.'
    }

    It 'a key without MESSAGE_CREATE: PermissionDenied for each ticket, nothing added' {
        $readonly = Connect-TestComEmulator $emulator -ApiKey readonly-com-api-key -PassThru
        try {
            $out = @(858401, 858402 | New-OmnideskTicketMessage -Content 'Not allowed here.' -To 'a@test.com' -Connection $readonly -ErrorVariable failed -ErrorAction SilentlyContinue)
            $out | Should -BeNullOrEmpty
            $failed.Count | Should -Be 2
            $failed.TargetObject | Should -Be @(858401, 858402)
            $failed | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'PermissionDenied' }
            $failed[0].Exception.ServerMessage | Should -Be 'API key lacks permission MESSAGE_CREATE.'
            $notes = @(858403 | New-OmnideskTicketNote -Content 'Not allowed either.' -Connection $readonly -ErrorVariable noteFailed -ErrorAction SilentlyContinue)
            $notes | Should -BeNullOrEmpty
            $noteFailed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        }
        finally { Connect-TestComEmulator $emulator }
        (Get-ApiTimeline 858401).content | Should -Not -Contain 'Not allowed here.'
    }

    It 'runs in a non-interactive session (a runbook): no prompt for a reply or a note' {
        $run = Invoke-TestPwsh -Emulator $emulator -TimeoutSec 90 -Script @'
Import-Module $ModuleManifest
Connect-Omnidesk -BaseUri $EmulatorUri -Product OmnideskCom -ApiKey (ConvertTo-SecureString 'demo-com-api-key' -AsPlainText -Force)
$reply = 858401 | New-OmnideskTicketMessage -Content 'Sent by the runbook.' -To 'a@test.com'
$note = 858401 | New-OmnideskTicketNote -Content 'Logged by the runbook.'
$timeline = Get-OmnideskTicketTimeline -TicketId 858401
"reply={0} note={1} count={2}" -f $reply.Type, $note.Type, $timeline.Count
'@
        $run.TimedOut | Should -BeFalse
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Contain ("reply=message note=note count={0}" -f (Get-ApiTimeline 858401).Count)
    }

    It 'refuses an omnidesk.ru connection, naming the product it needs' {
        $ru = Connect-TestEmulator $emulator -PassThru
        try {
            { New-OmnideskTicketNote -TicketId 858401 -Content 'Wrong product.' -Connection $ru } | Should -Throw -ErrorId 'OmnideskWrongProduct,*'
            { Get-OmnideskTicketTimeline -TicketId 858401 -Connection $ru } | Should -Throw -ErrorId 'OmnideskWrongProduct,*'
        }
        finally { Connect-TestComEmulator $emulator }
    }
}
