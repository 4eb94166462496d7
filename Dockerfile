# QeV.Worker as a container. Build:  docker build -t qev-worker .
# Run (SQLite in a volume, mails as .eml in a volume):
#   docker run -v qev-data:/data -v qev-mail:/mail qev-worker run --demo
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Directory.Build.props src/BannedSymbols.txt src/
COPY src/QeV.Worker/QeV.Worker.csproj src/QeV.Worker/
COPY src/QeV.Domain/QeV.Domain.csproj src/QeV.Domain/
COPY src/QeV.Demo/QeV.Demo.csproj src/QeV.Demo/
RUN dotnet restore src/QeV.Worker/QeV.Worker.csproj
COPY src/ src/
RUN dotnet publish src/QeV.Worker/QeV.Worker.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# ICU and time zone data for German dates and Europe/Berlin.
RUN apt-get update && apt-get install -y --no-install-recommends libicu72 tzdata && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN useradd --system --uid 10001 --home /data qev && mkdir -p /data /mail && chown qev /data /mail
USER qev
ENV DOTNET_ENVIRONMENT=Production \
    Database__ConnectionString=/data/qev.db \
    Mail__PickupDirectory=/mail \
    TZ=Europe/Berlin
VOLUME ["/data", "/mail"]
ENTRYPOINT ["dotnet", "/app/qev.dll"]
CMD ["run"]
