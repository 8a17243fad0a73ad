@{
    RootModule           = 'Omnidesk.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3d9e-6a51-4c3e-9f55-2d7a1c8e4b90'
    Author               = 'Omnidesk PowerShell contributors'
    CompanyName          = 'Community'
    Copyright            = '(c) Omnidesk PowerShell contributors.'
    Description          = 'Binary cmdlets for the Omnidesk (omnidesk.ru) and Deskie (deskie.io) helpdesk REST API: cases, filters and more, with paging, retries, -WhatIf and a local emulator to try it without an account.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    # The model types load first, into the default context, so every assembly of the module shares them.
    RequiredAssemblies   = @('Omnidesk.Model.dll')
    FormatsToProcess     = @('Omnidesk.Format.ps1xml', 'OmnideskCom.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Omnidesk'
        'Disconnect-Omnidesk'
        'Get-OmnideskConnection'
        'Get-OmnideskCase'
        'Get-OmnideskFilter'
        'New-OmnideskCase'
        'Set-OmnideskCase'
        'Remove-OmnideskCase'
        'Restore-OmnideskCase'
        'Set-OmnideskRating'
        'Get-OmnideskCaseChangelog'
        'Set-OmnideskIdea'
        'Set-OmnideskIdeaResponse'
        'Remove-OmnideskIdeaResponse'
        'Get-OmnideskMessage'
        'New-OmnideskMessage'
        'Set-OmnideskMessage'
        'Remove-OmnideskMessage'
        'New-OmnideskNote'
        'Set-OmnideskNote'
        'Remove-OmnideskNote'
        'Save-OmnideskAttachment'
        'Get-OmnideskLanguage'
        'Invoke-OmnideskRequest'
        'Get-OmnideskTicket'
        'New-OmnideskTicket'
        'Set-OmnideskTicket'
        'Remove-OmnideskTicket'
        'Get-OmnideskTicketTimeline'
        'New-OmnideskTicketMessage'
        'New-OmnideskTicketNote'
        'Get-OmnideskCustomer'
        'New-OmnideskCustomer'
        'Set-OmnideskCustomer'
        'Get-OmnideskAgent'
        'Get-OmnideskView'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Omnidesk', 'Deskie', 'Helpdesk', 'ServiceDesk', 'Support', 'Tickets', 'OmnideskCom', 'REST', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'Omnidesk.com (API v2): tickets, timelines, messages and notes, customers, agents and views. omnidesk.ru (Deskie): connect to an account; list, filter and page through cases; create, change, trash, restore, delete and rate cases in bulk; case changelog; ideas; messages, notes and attachments.'
        }
    }
}
