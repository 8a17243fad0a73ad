# Help meta-tests in both directions, as JiraPS has them: docs/<Cmdlet>.md (the source of the built help) against the
# cmdlets as PowerShell sees them. Code -> doc: every parameter has a '### -Name' section whose yaml gives its type,
# aliases, and, in each of its parameter sets, Required, Position and Accept pipeline input as the code declares them.
# Doc -> code: every documented parameter and parameter set exists, and SYNTAX shows each set with its parameters.
# And enough examples (at least two, and one per parameter set), a synopsis and a description that Get-Help shows.
# Module.Tests.ps1 checks the built help as Get-Help shows it; this file checks the markdown itself, field by field.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Split-MarkdownSection([string[]] $Lines, [int] $Level) {
        <# The '#'*Level headings outside code fences, each with the lines under it (up to the next such heading). #>
        $marker = '#' * $Level + ' '
        $sections = [System.Collections.Generic.List[object]]::new()
        $inFence = $false
        foreach ($line in $Lines) {
            if ($line -match '^\s*```') { $inFence = -not $inFence }
            if (-not $inFence -and $line.StartsWith($marker)) {
                $sections.Add([pscustomobject]@{ Title = $line.Substring($marker.Length).Trim(); Lines = [System.Collections.Generic.List[string]]::new() })
            }
            elseif ($sections.Count -gt 0) { $sections[$sections.Count - 1].Lines.Add($line) }
        }
        $sections
    }

    function Get-FencedBlock([string[]] $Lines) {
        <# The fenced code blocks of the lines: Info (the word after ```) and Text. #>
        $blocks = [System.Collections.Generic.List[object]]::new()
        $current = $null
        foreach ($line in $Lines) {
            if ($line -match '^\s*```(?<info>\S*)\s*$') {
                if ($null -eq $current) { $current = [pscustomobject]@{ Info = $Matches.info; Text = [System.Collections.Generic.List[string]]::new() } }
                else { $blocks.Add([pscustomobject]@{ Info = $current.Info; Text = $current.Text -join "`n" }); $current = $null }
            }
            elseif ($null -ne $current) { $current.Text.Add($line) }
        }
        $blocks
    }

    function Get-Prose([string[]] $Lines) {
        <# The text outside code blocks, whitespace collapsed: what a synopsis or description says. #>
        $inFence = $false
        $text = foreach ($line in $Lines) {
            if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
            if (-not $inFence -and $line -notmatch '^#{3,} ') { $line }
        }
        (($text -join ' ') -replace '\s+', ' ').Trim()
    }

    function ConvertFrom-ParameterYaml([string] $Text) {
        <# One parameter's yaml block as a hashtable of 'Key: value' lines (values trimmed; an empty value is ''). #>
        $values = @{}
        foreach ($line in $Text -split '\n') {
            if ($line -match '^(?<key>[A-Za-z ]+):(?<value>.*)$') { $values[$Matches.key.Trim()] = $Matches.value.Trim() }
        }
        $values
    }

    function Split-List([string] $Text) {
        @($Text -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    }

    function Get-SetValue([string] $Value, [string] $Set) {
        <#
        A yaml value for one parameter set. platyPS writes either one value for every set of the block ('True') or one
        per set: 'True (ByName), False (ById, ByNumber)'. Returns $null when the value names other sets only.
        #>
        if ($Value -notmatch '\(') { return $Value }
        foreach ($match in [regex]::Matches($Value, '(?<value>[^,()]+?)\s*\((?<sets>[^)]*)\)')) {
            if ($Set -in (Split-List $match.Groups['sets'].Value)) { return $match.Groups['value'].Value.Trim() }
        }
        $null
    }

    function Read-HelpMarkdown([string] $Path) {
        <# A platyPS cmdlet page: Synopsis, Description, Examples, Syntax sets and Parameters (each with its yaml blocks). #>
        $sections = @{}
        $lines = if (Test-Path -LiteralPath $Path) { Get-Content -LiteralPath $Path } else { @() }
        foreach ($section in Split-MarkdownSection $lines 2) { $sections[$section.Title] = $section.Lines }
        $syntax = foreach ($set in Split-MarkdownSection $sections['SYNTAX'] 3) {
            $code = @(Get-FencedBlock $set.Lines)
            $line = if ($code.Count) { $code[0].Text } else { '' }
            [pscustomobject]@{
                Name       = $set.Title -replace '\s*\(Default\)$'
                IsDefault  = $set.Title -match '\(Default\)$'
                # -Name tokens of the syntax line; <CommonParameters> is not one.
                Parameters = @([regex]::Matches($line, '(?<=[\s\[])-(?<name>\w+)') | ForEach-Object { $_.Groups['name'].Value })
            }
        }
        $examples = foreach ($example in Split-MarkdownSection $sections['EXAMPLES'] 3) {
            [pscustomobject]@{ Title = $example.Title; HasCode = @(Get-FencedBlock $example.Lines | Where-Object { $_.Text.Trim() }).Count -gt 0 }
        }
        $parameters = [ordered]@{}
        foreach ($parameter in Split-MarkdownSection $sections['PARAMETERS'] 3) {
            if ($parameter.Title -notmatch '^-(?<name>\w+)$') { continue }   # ### CommonParameters
            $parameters[$Matches.name] = @(Get-FencedBlock $parameter.Lines | Where-Object Info -eq 'yaml' | ForEach-Object { ConvertFrom-ParameterYaml $_.Text })
        }
        [pscustomobject]@{
            Synopsis    = Get-Prose $sections['SYNOPSIS']
            Description = Get-Prose $sections['DESCRIPTION']
            Syntax      = @($syntax)
            Examples    = @($examples)
            Parameters  = $parameters
        }
    }

    function Get-DocTypeName([type] $Type) {
        <# A parameter type as platyPS writes it: the short name, arrays as String[], Nullable<T> as T. #>
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { $Type = $underlying }
        $Type.Name
    }

    function Get-DocPipelineInput([System.Management.Automation.ParameterSetMetadata] $Set) {
        $kinds = @(if ($Set.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($Set.ValueFromPipeline) { 'ByValue' })
        if ($kinds.Count) { 'True (' + ($kinds -join ', ') + ')' } else { 'False' }
    }

    function ConvertTo-DocPipelineInput([string] $Value) {
        <# 'True (ByValue, ByPropertyName)' and 'True (ByPropertyName, ByValue)' are the same; compared in one order. #>
        if ($Value -notmatch '^True\s*\((?<kinds>[^)]*)\)$') { return $Value }
        $kinds = @(Split-List $Matches.kinds | Sort-Object { if ($_ -eq 'ByPropertyName') { 0 } else { 1 } })
        'True (' + ($kinds -join ', ') + ')'
    }

    # Mismatches whose fix is in the code, not the doc, by 'Cmdlet -Parameter aspect' (aspect: Type, Aliases,
    # Wildcards, AcceptedValues, Sets, or the set name for Required/Position/pipeline input): why the test is skipped.
    $knownCodeMismatch = @{}

    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $paging = 'First', 'Skip', 'IncludeTotalCount'
    $pages = foreach ($name in Get-ExpectedCmdlet) {
        $command = Get-Command $name -Module Omnidesk
        $docPath = Join-Path (Get-RepoRoot) "docs/$name.md"
        $doc = Read-HelpMarkdown $docPath
        $supportsPaging = [bool]($command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true) | Where-Object SupportsPaging)
        $codeSets = @($command.ParameterSets.Name)

        $codeParameters = foreach ($parameter in $command.Parameters.Values | Where-Object Name -notin $common) {
            $documented = $doc.Parameters.Contains($parameter.Name)
            # Where PowerShell adds a paging parameter, its section is welcome but not required; when there, it is checked.
            if (-not $documented -and $supportsPaging -and $parameter.Name -in $paging) { continue }
            $blocks = if ($documented) { @($doc.Parameters[$parameter.Name]) } else { @() }
            $sets = foreach ($setName in $parameter.ParameterSets.Keys) {
                $metadata = $parameter.ParameterSets[$setName]
                $docSet = if ($setName -eq '__AllParameterSets') { '(All)' } else { $setName }
                $block = @($blocks | Where-Object { $docSet -in (Split-List $_['Parameter Sets']) })
                $required = if ($block.Count -eq 1) { Get-SetValue $block[0]['Required'] $setName }
                @{
                    Cmdlet           = $name
                    Parameter        = $parameter.Name
                    Documented       = $documented
                    Set              = $docSet
                    Blocks           = $block.Count
                    Required         = $metadata.IsMandatory.ToString()
                    DocRequired      = $required
                    Position         = if ($metadata.Position -eq [int]::MinValue) { 'Named' } else { "$($metadata.Position)" }
                    DocPosition      = if ($block.Count -eq 1) { Get-SetValue $block[0]['Position'] $setName }
                    PipelineInput    = Get-DocPipelineInput $metadata
                    DocPipelineInput = if ($block.Count -eq 1) { ConvertTo-DocPipelineInput $block[0]['Accept pipeline input'] }
                }
            }
            # Values that every yaml block of the parameter repeats are compared as the set of distinct values, so a block
            # that differs from the others fails too.
            @{
                Cmdlet       = $name
                Parameter    = $parameter.Name
                Documented   = $documented
                Type         = Get-DocTypeName $parameter.ParameterType
                DocTypes     = @($blocks | ForEach-Object { $_['Type'] } | Select-Object -Unique)
                Aliases      = @($parameter.Aliases | Sort-Object) -join ', '
                DocAliases   = @($blocks | ForEach-Object { @(Split-List $_['Aliases'] | Sort-Object) -join ', ' } | Select-Object -Unique)
                Wildcards    = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                DocWildcards = @($blocks | ForEach-Object { $_['Accept wildcard characters'] -eq 'True' } | Select-Object -Unique)
                # platyPS writes the values of [ValidateSet], or of an enum type, as 'Accepted values:', in their order.
                Accepted     = $(if ($parameter.ParameterType.IsEnum) { [Enum]::GetNames($parameter.ParameterType) -join ', ' }
                    else { @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues) -join ', ' })
                DocAccepted  = @($blocks | ForEach-Object { @(Split-List $_['Accepted values']) -join ', ' } | Select-Object -Unique)
                CodeSets     = @($parameter.ParameterSets.Keys | ForEach-Object { if ($_ -eq '__AllParameterSets') { '(All)' } else { $_ } } | Sort-Object) -join ', '
                DocSets      = @($blocks | ForEach-Object { Split-List $_['Parameter Sets'] } | Sort-Object) -join ', '
                Sets         = @($sets)
            }
        }

        $documentedParameters = foreach ($parameterName in $doc.Parameters.Keys) {
            @{ Cmdlet = $name; Parameter = $parameterName; Exists = $command.Parameters.ContainsKey($parameterName) -and $parameterName -notin $common }
        }
        $documentedSets = @($doc.Syntax.Name) + @($doc.Parameters.Values | ForEach-Object { $_ } | ForEach-Object { Split-List $_['Parameter Sets'] } | Where-Object { $_ -ne '(All)' }) | Sort-Object -Unique
        $undocumentedPaging = @(if ($supportsPaging) { $paging | Where-Object { -not $doc.Parameters.Contains($_) } })
        $syntaxSets = foreach ($set in $command.ParameterSets) {
            $syntax = @($doc.Syntax | Where-Object Name -eq $set.Name)
            @{
                Cmdlet        = $name
                Set           = $set.Name
                InSyntax      = $syntax.Count -eq 1
                IsDefault     = $set.IsDefault -and $command.ParameterSets.Count -gt 1
                DocIsDefault  = $syntax.Count -eq 1 -and $syntax[0].IsDefault
                Parameters    = @($set.Parameters.Name | Where-Object { $_ -notin $common -and $_ -notin $undocumentedPaging } | Sort-Object)
                DocParameters = @(if ($syntax.Count -eq 1) { $syntax[0].Parameters | Where-Object { $_ -ne 'CommonParameters' } | Sort-Object })
            }
        }

        @{
            Cmdlet               = $name
            HasPage              = Test-Path -LiteralPath $docPath
            KnownMismatch        = $knownCodeMismatch
            Synopsis             = $doc.Synopsis
            Description          = $doc.Description
            Examples             = $doc.Examples
            SetCount             = $codeSets.Count
            CodeSets             = $codeSets
            DocumentedSets       = @($documentedSets | ForEach-Object { @{ Cmdlet = $name; Set = $_; Exists = $_ -in $codeSets } })
            CodeParameters       = @($codeParameters)
            ParameterSetEntries  = @($codeParameters | ForEach-Object { $_.Sets })
            DocumentedParameters = @($documentedParameters)
            SyntaxSets           = @($syntaxSets)
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Skip-Unchecked([bool] $Documented, [hashtable] $Known, [string] $Key) {
        <#
        Marks the running test skipped, returning $true, when there is nothing to compare: the parameter has no section
        (the section test fails for it), or the case is a known code-side mismatch.
        #>
        if (-not $Documented) { Set-ItResult -Skipped -Because 'the parameter has no section (see the failing section test)'; return $true }
        if ($Known.ContainsKey($Key)) { Set-ItResult -Skipped -Because $Known[$Key]; return $true }
        $false
    }
}

Describe '<Cmdlet>' -ForEach $pages {
    Context 'code -> doc' {
        It '-<Parameter> has a ### -<Parameter> section with a yaml block' -ForEach $CodeParameters -AllowNullOrEmptyForEach {
            $Documented | Should -BeTrue -Because "docs/$Cmdlet.md documents every parameter"
            $DocTypes | Should -Not -BeNullOrEmpty -Because 'the section has a ```yaml block'
        }

        It '-<Parameter> is documented as Type: <Type>' -ForEach $CodeParameters -AllowNullOrEmptyForEach {
            if (Skip-Unchecked $Documented $KnownMismatch "$Cmdlet -$Parameter Type") { return }
            $DocTypes | Should -Be $Type
        }

        It '-<Parameter> has the aliases of the code' -ForEach $CodeParameters -AllowNullOrEmptyForEach {
            if (Skip-Unchecked $Documented $KnownMismatch "$Cmdlet -$Parameter Aliases") { return }
            $DocAliases | Should -Be $Aliases
        }

        It '-<Parameter> accepts wildcards as the code says (<Wildcards>)' -ForEach $CodeParameters -AllowNullOrEmptyForEach {
            if (Skip-Unchecked $Documented $KnownMismatch "$Cmdlet -$Parameter Wildcards") { return }
            $DocWildcards | Should -Be $Wildcards -Because "'Accept wildcard characters: True' is [SupportsWildcards]"
        }

        It '-<Parameter> lists the accepted values of its [ValidateSet]' -ForEach $CodeParameters -AllowNullOrEmptyForEach {
            if (Skip-Unchecked $Documented $KnownMismatch "$Cmdlet -$Parameter AcceptedValues") { return }
            $DocAccepted | Should -Be $Accepted
        }

        It '-<Parameter> is documented in the parameter sets of the code' -ForEach $CodeParameters -AllowNullOrEmptyForEach {
            if (Skip-Unchecked $Documented $KnownMismatch "$Cmdlet -$Parameter Sets") { return }
            $DocSets | Should -Be $CodeSets -Because "'Parameter Sets:' of the yaml blocks name each set once, (All) for every set"
        }

        It '-<Parameter> in <Set>: Required <Required>, Position <Position>, Accept pipeline input <PipelineInput>' -ForEach $ParameterSetEntries -AllowNullOrEmptyForEach {
            if (Skip-Unchecked $Documented $KnownMismatch "$Cmdlet -$Parameter $Set") { return }
            $Blocks | Should -Be 1 -Because "one yaml block of -$Parameter lists 'Parameter Sets: $Set'"
            $DocRequired | Should -Be $Required -Because 'Required matches Mandatory'
            $DocPosition | Should -Be $Position -Because 'Position matches the code'
            $DocPipelineInput | Should -Be $PipelineInput -Because 'Accept pipeline input matches ValueFromPipeline / ValueFromPipelineByPropertyName'
        }
    }

    Context 'doc -> code' {
        It 'has the documented parameter -<Parameter>' -ForEach $DocumentedParameters -AllowNullOrEmptyForEach {
            $Exists | Should -BeTrue -Because "docs/$Cmdlet.md documents -$Parameter"
        }

        It 'has the documented parameter set <Set>' -ForEach $DocumentedSets -AllowNullOrEmptyForEach {
            $Exists | Should -BeTrue -Because "docs/$Cmdlet.md names the parameter set $Set"
        }

        It 'SYNTAX shows the parameter set <Set> with its parameters' -ForEach $SyntaxSets {
            $InSyntax | Should -BeTrue -Because "SYNTAX has one '### $Set' subsection"
            $DocParameters -join ', ' | Should -Be ($Parameters -join ', ')
            $DocIsDefault | Should -Be $IsDefault -Because 'the default parameter set is marked (Default)'
        }
    }

    Context 'Help text' {
        It 'has a page docs/<Cmdlet>.md' {
            $HasPage | Should -BeTrue
        }

        It 'has at least two examples, and as many as parameter sets (<SetCount>), each with code' {
            $Examples.Count | Should -BeGreaterOrEqual ([Math]::Max(2, $SetCount))
            $Examples | Where-Object { -not $_.HasCode } | ForEach-Object Title | Should -BeNullOrEmpty
        }

        It 'has a synopsis and a description' {
            $Synopsis | Should -Not -BeNullOrEmpty
            $Description | Should -Not -BeNullOrEmpty
        }

        It 'Get-Help shows the synopsis of the doc' {
            $shown = ((Get-Help $Cmdlet).Synopsis -replace '\s+', ' ').Trim()
            $shown | Should -Be ($Synopsis -replace '[`*]')
        }
    }
}
