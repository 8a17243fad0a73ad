# Which cmdlets serve which product: what the module does (an Omnidesk.com cmdlet derives from the Omnidesk.com bases and
# refuses an omnidesk.ru connection; the rest refuse an Omnidesk.com connection) is what README and about_Omnidesk say.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $both = 'Connect-Omnidesk', 'Disconnect-Omnidesk', 'Get-OmnideskConnection', 'Invoke-OmnideskRequest'
    $cmdlets = @(Get-Command -Module Omnidesk -CommandType Cmdlet | Where-Object Name -NotIn $both | ForEach-Object {
            $com = $_.ImplementingType.IsSubclassOf([Omnidesk.ComConnectedCmdlet])
            @{ Name = $_.Name; Product = $(if ($com) { 'OmnideskCom' } else { 'OmnideskRu' }) }
        })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Start-TestEmulator
    $com = Connect-TestComEmulator $emulator -PassThru
    $ru = Connect-TestEmulator $emulator -PassThru
    $about = Get-Content -Raw (Join-Path (Get-RepoRoot) 'docs/about_Omnidesk.md')
    $readme = Get-Content -Raw (Join-Path (Get-RepoRoot) 'README.md')

    function Get-AboutList([string] $Product) {
        # "OmnideskCom (Omnidesk.com API v2): Get-OmnideskTicket, ..." up to the blank line
        $match = [regex]::Match($about, "(?ms)^$Product \([^)]*\): (?<list>.*?)\r?\n\r?\n")
        @($match.Groups['list'].Value -split ',' | ForEach-Object { $_.Trim().TrimEnd('.') } | Where-Object { $_ })
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Which cmdlets serve which product' {
    It '<Name> serves <Product>, and about_Omnidesk and README list it there' -ForEach $cmdlets {
        Get-AboutList $Product | Should -Contain $Name
        $row = [regex]::Match($readme, "(?m)^\|[^|\r\n]*``$Product``[^|\r\n]*\|(?<cmdlets>[^\r\n]*)\|").Groups['cmdlets'].Value
        $noun = $Name -replace '^[A-Za-z]+-', ''
        $verb = $Name -replace '-.*$', ''
        # `Get-OmnideskView`, or one of a group such as `Get-`/`New-`/`Set-OmnideskCustomer`
        ($row -match "``$Name``" -or $row -match "``$verb-``/[^|,]*-$noun``") | Should -BeTrue -Because "README's $Product row: $row"
    }

    It '<Name> refuses a connection to the other product at once' -ForEach $cmdlets {
        $other = if ($Product -eq 'OmnideskCom') { $ru } else { $com }
        $command = Get-Command $Name
        # nothing is piped (so pipeline parameters wait for input that never comes); every other mandatory parameter
        # of the default set gets a harmless value: the command fails before it would use any of them
        $arguments = @{ Connection = $other; ErrorAction = 'Stop' }
        $set = $command.ParameterSets | Where-Object IsDefault
        if (-not $set) { $set = $command.ParameterSets[0] }
        foreach ($parameter in $set.Parameters | Where-Object { $_.IsMandatory -and -not $_.ValueFromPipeline -and -not $_.ValueFromPipelineByPropertyName }) {
            $type = $parameter.ParameterType
            $validSet = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
            $arguments[$parameter.Name] = if ($validSet) { $validSet.ValidValues[0] } elseif ($type -eq [string]) { 'hello world' } elseif ($type -eq [string[]]) { , @('a@b.test') }
            elseif ($type.IsArray) { , @([Activator]::CreateInstance($type.GetElementType())) } elseif ($type -eq [switch]) { [switch]$true }
            elseif ($type -eq [hashtable]) { @{} } elseif ($type.IsValueType) { [Activator]::CreateInstance($type) } else { $null }
        }
        if ($command.Parameters.ContainsKey('WhatIf')) { $arguments.WhatIf = $true }
        Clear-EmulatorRequest $emulator
        { @() | & $Name @arguments } | Should -Throw -ErrorId 'OmnideskWrongProduct,*'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }
}
