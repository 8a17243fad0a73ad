using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Omnidesk.Tests.Infrastructure
{
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class ModuleLayoutAttribute : Attribute
    {
        public ModuleLayoutAttribute(string moduleDirectory, string conflictHostPath)
        {
            ModuleDirectory = moduleDirectory;
            ConflictHostPath = conflictHostPath;
        }

        public string ModuleDirectory { get; }
        public string ConflictHostPath { get; }
    }

    /// <summary>Where the built module is, and the rule that makes typed asserts use the very files Import-Module loads.</summary>
    public static class ModuleAssemblies
    {
        private static readonly ModuleLayoutAttribute Layout =
            typeof(ModuleAssemblies).Assembly.GetCustomAttribute<ModuleLayoutAttribute>();

        public static string ModuleDirectory { get; } = Path.GetFullPath(Layout.ModuleDirectory);
        public static string ManifestPath { get; } = Path.Combine(ModuleDirectory, "Omnidesk.psd1");
        public static string EmulatorPath { get; } = Path.Combine(ModuleDirectory, "Emulator", "Omnidesk.Emulator.dll");
        public static string ConflictHostPath { get; } = Path.GetFullPath(Layout.ConflictHostPath);

        // Without this the test process would hold a second copy of Omnidesk/Omnidesk.Model and type identity breaks.
        [ModuleInitializer]
        internal static void Init() =>
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name == "Omnidesk" || name.Name == "Omnidesk.Model"
                    ? context.LoadFromAssemblyPath(Path.Combine(ModuleDirectory, name.Name + ".dll"))
                    : null;
    }
}
