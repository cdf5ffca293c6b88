using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OAuth2.Functional.DevServer;

/// <summary>Keeps ASP.NET Data Protection keys in memory, so the server writes nothing outside the process.</summary>
internal sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> elements = new();
    private readonly Lock gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (gate) return elements.Select(e => new XElement(e)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate) elements.Add(new XElement(element));
    }
}
