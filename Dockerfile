# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/TheoryAI.Web/TheoryAI.Web.csproj src/TheoryAI.Web/
RUN dotnet restore src/TheoryAI.Web/TheoryAI.Web.csproj
COPY seed-data/ seed-data/
COPY src/ src/
RUN dotnet publish src/TheoryAI.Web/TheoryAI.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The store lives on a volume; the image's seed (in /app/seed-data) is imported on first start with an empty store.
RUN mkdir -p /data && chown "$APP_UID" /data
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Conference="Data Source=/data/conference.db"
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "TheoryAI.Web.dll"]
