namespace TheoryAI.Web.Infrastructure;

/// <summary>The store could not be opened, migrated or written at start-up; the message says which and why.</summary>
public sealed class StoreStartupException(string message, Exception? inner = null) : Exception(message, inner);
