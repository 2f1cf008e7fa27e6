using TheoryAI.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddConference();

var app = builder.Build();
if (ConferenceCommands.IsCommand(args))
{
    return await ConferenceCommands.RunAsync(app, args);
}

app.MapConference();
await app.RunAsync();
return 0;
