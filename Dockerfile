# QeV.Worker as a container. Build:  docker build -t qev-worker .
# Run (SQLite in a volume, mails as .eml in a volume):
#   docker run -v qev-data:/data -v qev-mail:/mail qev-worker run --demo
# Check a setup before go-live:  docker run --rm -v qev-data:/data qev-worker doctor
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/QeV.Worker/QeV.Worker.csproj
RUN dotnet publish src/QeV.Worker/QeV.Worker.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# ICU and time zone data for German dates and Europe/Berlin.
RUN apt-get update && apt-get install -y --no-install-recommends libicu72 tzdata && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# A user of its own without a login shell; the image never runs as root.
RUN useradd --system --uid 10001 --home /data --shell /usr/sbin/nologin qev && mkdir -p /data /mail && chown qev /data /mail
USER 10001
ENV DOTNET_ENVIRONMENT=Production \
    Database__ConnectionString=/data/qev.db \
    Mail__PickupDirectory=/mail \
    TZ=Europe/Berlin
VOLUME ["/data", "/mail"]
# Healthy while the last scan and dispatch are recent (Health:MaxScanAge, Health:MaxDispatchAge); stale before the first scan.
HEALTHCHECK --interval=1m --timeout=30s --start-period=2m --retries=3 CMD ["dotnet", "/app/qev.dll", "health"]
ENTRYPOINT ["dotnet", "/app/qev.dll"]
CMD ["run"]
