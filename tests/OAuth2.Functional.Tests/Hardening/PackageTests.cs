using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace OAuth2.Functional.Tests.Hardening;

/// <summary>Packs the library and the DevServer and checks what a consumer receives.</summary>
public class PackageTests
{
    private static async Task<string> Pack(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet", ["pack", Path.Combine(TestSupport.RepoRoot(), "src", project), "-c", "Release", "--no-restore", "-o", output, "-nologo"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        Assert.True(process.ExitCode == 0, await stdout + await stderr);
        return Directory.GetFiles(output, project + ".*.nupkg").Single(f => !f.EndsWith(".snupkg"));
    }

    [Fact]
    public async Task The_packages_carry_metadata_readme_docs_and_symbols()
    {
        var output = Directory.CreateTempSubdirectory("oauth2-functional-pack").FullName;
        try
        {
            var library = await Pack("OAuth2.Functional", output);
            using (var zip = ZipFile.OpenRead(library))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("lib/net10.0/OAuth2.Functional.dll", entries);
                Assert.Contains("lib/net10.0/OAuth2.Functional.xml", entries);
                Assert.Contains("README.md", entries);
                // OAF0001 travels with the library: where on its Either/EitherAsync is a compile error for every consumer.
                Assert.Contains("analyzers/dotnet/cs/OAuth2.Functional.Analyzers.dll", entries);
                Assert.DoesNotContain(entries, e => e.StartsWith("lib/") && e.Contains("Analyzers"));
                using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
                var nuspec = XDocument.Load(nuspecStream);
                string Meta(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
                Assert.Equal("OAuth2.Functional", Meta("id"));
                Assert.Equal("0.1.0", Meta("version"));
                Assert.Equal("OAuth2.Functional developers", Meta("authors"));
                Assert.Contains("functional-core OAuth 2.0 client", Meta("description"));
                Assert.Contains("oauth2", Meta("tags"));
                Assert.Equal("MIT", Meta("license"));
                Assert.Equal("README.md", Meta("readme"));
                Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "LanguageExt.Core");
                Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency" && ((string?)e.Attribute("id"))?.Contains("Analyzers") == true);
                using (var analyzer = new MemoryStream())
                {
                    zip.GetEntry("analyzers/dotnet/cs/OAuth2.Functional.Analyzers.dll")!.Open().CopyTo(analyzer);
                    analyzer.Position = 0;
                    using var pe = new PEReader(analyzer);
                    var metadata = pe.GetMetadataReader();
                    Assert.Equal("OAuth2.Functional.Analyzers", metadata.GetString(metadata.GetAssemblyDefinition().Name));
                    Assert.Contains(metadata.AssemblyReferences, r => metadata.GetString(metadata.GetAssemblyReference(r).Name) == "Microsoft.CodeAnalysis");
                }
                var xml = new StreamReader(zip.GetEntry("lib/net10.0/OAuth2.Functional.xml")!.Open()).ReadToEnd();
                Assert.Contains("M:OAuth2.Functional.GrantClient.GetTokenAsync", xml);
            }
            Assert.True(File.Exists(Path.ChangeExtension(library, ".snupkg")));
            var devServer = await Pack("OAuth2.Functional.DevServer", output);
            using var devZip = ZipFile.OpenRead(devServer);
            Assert.Contains("lib/net10.0/OAuth2.Functional.DevServer.dll", devZip.Entries.Select(e => e.FullName));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
