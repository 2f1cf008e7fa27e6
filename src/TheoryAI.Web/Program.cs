using TheoryAI.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddConference();

var app = builder.Build();
if (ConferenceCommands.IsCommand(args))
{
    return await ConferenceCommands.RunAsync(app, args);
}

app.MapConference();
try
{
    await app.RunAsync();
}
catch (Exception e) when (e is TheoryAI.Web.Data.Seed.SeedException or StoreStartupException
                           && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // The message names the problem; a stack trace would only bury it. (A test host gets the exception itself.)
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
return 0;
