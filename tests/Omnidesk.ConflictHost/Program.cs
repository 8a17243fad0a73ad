using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;

// Usage: Omnidesk.ConflictHost <path to Omnidesk.psd1> <script>
// Prints "ASSEMBLY <name> <version> <load context>" for the contested assemblies, then the script's output
// ("OUT <value>") and errors ("ERR <id>: <message>"). Exit code 0 only when the script wrote no error.

// Use the host's own copies first, as another module would.
var json = System.Text.Json.JsonSerializer.Serialize(new { loadedFirst = true });
using (var services = new ServiceCollection().AddHttpClient().BuildServiceProvider())
{
    var factory = services.GetRequiredService<IHttpClientFactory>();
    using var client = factory.CreateClient();
}
Console.WriteLine("HOST " + json);

var iss = InitialSessionState.CreateDefault2();
using var runspace = RunspaceFactory.CreateRunspace(iss);
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddScript($"Import-Module '{args[0].Replace("'", "''")}' -ErrorAction Stop\n{args[1]}");
var output = ps.Invoke();
foreach (var item in output) Console.WriteLine("OUT " + item);
foreach (var error in ps.Streams.Error) Console.WriteLine($"ERR {error.FullyQualifiedErrorId}: {error.Exception}");

foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()
             .Where(a => a.GetName().Name is "System.Text.Json" or "Microsoft.Extensions.Http" or "Microsoft.Extensions.Http.Resilience" or "Polly.Core" or "Omnidesk.Engine" or "Omnidesk" or "Omnidesk.Model")
             .OrderBy(a => a.GetName().Name))
{
    Console.WriteLine($"ASSEMBLY {assembly.GetName().Name} {assembly.GetName().Version} {LoadContextName(assembly)}");
}
return ps.Streams.Error.Count == 0 ? 0 : 1;

// Unnamed contexts (the netstandard2.0 loader API has no name) are shown by their type.
static string LoadContextName(System.Reflection.Assembly assembly)
{
    var context = AssemblyLoadContext.GetLoadContext(assembly);
    return context?.Name ?? context?.GetType().Name ?? "none";
}
