using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Omnidesk
{
    /// <summary>
    /// Makes Omnidesk.Engine and its dependencies (System.Text.Json, Microsoft.Extensions.*, Polly) loadable only
    /// from Dependencies/, so other modules' versions of the same assemblies neither break us nor are broken by us.
    /// PowerShell 7: a private AssemblyLoadContext. Windows PowerShell 5.1: a narrow AppDomain.AssemblyResolve.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string EngineAssemblyName = "Omnidesk.Engine";

        internal static string ModuleRoot { get; } =
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);

        internal static bool IsNetFramework { get; } =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsNetFramework)
            {
                // Windows PowerShell 5.1 may default to TLS 1.0; add 1.2 once, never remove what others set.
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
                DesktopResolver.Register(Path.Combine(ModuleRoot, "Dependencies", "Desktop"));
            }
            else
            {
                RegisterCore();
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework) DesktopResolver.Unregister();
            else UnregisterCore();
        }

        // Separate methods so .NET Framework never JIT-compiles a reference to AssemblyLoadContext.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterCore() => CoreResolver.Register(Path.Combine(ModuleRoot, "Dependencies", "Core"));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnregisterCore() => CoreResolver.Unregister();
    }

    internal static class CoreResolver
    {
        private static readonly object Gate = new object();
        private static DependencyLoadContext _context;

        public static void Register(string directory)
        {
            lock (Gate)
            {
                // OnImport runs once per Import-Module (per runspace): one context per process, one handler.
                if (_context == null) _context = new DependencyLoadContext(directory);
                AssemblyLoadContext.Default.Resolving -= OnResolving;
                AssemblyLoadContext.Default.Resolving += OnResolving;
            }
        }

        public static void Unregister()
        {
            // The context stays: assemblies cannot be unloaded from it, and a re-import must find the same engine.
            AssemblyLoadContext.Default.Resolving -= OnResolving;
        }

        private static Assembly OnResolving(AssemblyLoadContext context, AssemblyName name) =>
            name.Name == ModuleInitializer.EngineAssemblyName ? _context.LoadFromAssemblyName(name) : null;
    }

    /// <summary>
    /// Loads what Dependencies/Core holds. A framework assembly of the host (its trusted platform assemblies) that is
    /// at least the version asked for is shared instead, as PowerShell's own copy is always loaded already.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;
        private static readonly Lazy<Dictionary<string, Version>> PlatformVersions =
            new Lazy<Dictionary<string, Version>>(ReadPlatformVersions);

        public DependencyLoadContext(string directory)
        {
            _directory = directory;
        }

        protected override Assembly Load(AssemblyName name)
        {
            // The model types must be the very ones PowerShell and Omnidesk.dll see: defer to the default context.
            if (name.Name == "Omnidesk.Model" || name.Name == "Omnidesk") return null;
            var path = Path.Combine(_directory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            if (PlatformVersions.Value.TryGetValue(name.Name, out var platform) && platform >= (name.Version ?? new Version()))
                return null;
            return LoadFromAssemblyPath(path);
        }

        private static Dictionary<string, Version> ReadPlatformVersions()
        {
            var result = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (string.IsNullOrEmpty(tpa)) return result;
            foreach (var file in tpa.Split(Path.PathSeparator).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var simpleName = Path.GetFileNameWithoutExtension(file);
                // Only names we ship matter; reading every assembly's metadata would slow Import-Module down.
                if (!KnownDependency(simpleName)) continue;
                try { result[simpleName] = AssemblyName.GetAssemblyName(file).Version; }
                catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException) { }
            }
            return result;
        }

        private static bool KnownDependency(string simpleName) =>
            simpleName.StartsWith("System.", StringComparison.Ordinal) ||
            simpleName.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
            simpleName.StartsWith("Microsoft.Bcl.", StringComparison.Ordinal) ||
            simpleName.StartsWith("Polly", StringComparison.Ordinal);
    }

    /// <summary>Windows PowerShell 5.1: answers only for assemblies that Dependencies/Desktop holds.</summary>
    internal static class DesktopResolver
    {
        private static string _directory;

        public static void Register(string directory)
        {
            _directory = directory;
            AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        }

        public static void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;

        private static Assembly OnAssemblyResolve(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = Path.Combine(_directory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            // By simple name: this also stands in for the binding redirects powershell.exe.config lacks
            // (e.g. System.Runtime.CompilerServices.Unsafe 4.0.4.1 asked for, 6.0.0.0 shipped).
            return Assembly.LoadFrom(path);
        }
    }
}
