using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using ChatAssistant.Booking;
using ChatAssistant.Booking.LiteDb;
using ChatAssistant.Booking.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using LiteDB;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// The records a booking turn reads (a delegate's bookings, a slot's places taken) and what it writes (a booking,
/// cancelled again), on LiteDB (today's store), on PostgreSQL through Dapper (the chosen store) and on PostgreSQL
/// through EF Core (the alternative the issue named: pooled contexts, no tracking, the same table). The benchmark
/// starts its own PostgreSQL cluster (initdb into a temp folder, as the postgres user when run as root) on
/// 127.0.0.1, fsync off; 600 bookings of 300 delegates in both stores. docs/RECORDS.md has the figures.
/// </summary>
[MemoryDiagnoser]
public class RecordsChatPathBenchmark
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    private string _dir = "";
    private string _bin = "";
    private string? _runAs;
    private TempFile? _lite;
    private ILiteDatabase _liteDb = null!;
    private LiteBookingStore _liteStore = null!;
    private PostgresRecords _records = null!;
    private PostgresBookingStore _pgStore = null!;
    private PooledDbContextFactory<BookingContext> _ef = null!;
    private int _member;

    [GlobalSetup]
    public void Setup()
    {
        var port = StartCluster();
        try
        {
            Seed(port);
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    private void Seed(int port)
    {
        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=bench;Maximum Pool Size=20";
        using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres"))
        {
            admin.Open();
            using var create = new NpgsqlCommand("CREATE DATABASE bench", admin);
            create.ExecuteNonQuery();
        }
        _records = PostgresRecords.Open(connection, NullLogger.Instance);
        _pgStore = new PostgresBookingStore(_records);
        _lite = new TempFile();
        _liteDb = RecordsDatabase.Open(_lite.Path);
        _liteStore = new LiteBookingStore(_liteDb);
        for (var i = 0; i < 600; i++)
        {
            var member = $"D{i % 300:D4}";
            var start = Monday.AddDays(i % 150).AddHours(i / 150 % 2 * 2);
            foreach (var store in new IBookingStore[] { _liteStore, _pgStore })
                if (!store.TryInsert(Booking(member, start, 1 + i / 300))) throw new InvalidOperationException("seed clash");
        }
        var options = new DbContextOptionsBuilder<BookingContext>().UseNpgsql(connection).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        _ef = new PooledDbContextFactory<BookingContext>(options);
        if (EfCore_OfMember().Count != _pgStore.OfMember("D0042").Count) throw new InvalidOperationException("EF Core reads differently");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _records?.Dispose();
        _liteDb?.Dispose();
        _lite?.Dispose();
        Run(_runAs, Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Next() => $"D{_member++ % 300:D4}";

    [Benchmark(Baseline = true)]
    public IReadOnlyList<DutyBooking> LiteDb_OfMember() => _liteStore.OfMember(Next());

    [Benchmark]
    public IReadOnlyList<DutyBooking> Dapper_OfMember() => _pgStore.OfMember(Next());

    [Benchmark]
    public List<DutyBooking> EfCore_OfMember()
    {
        var member = Next();
        using var context = _ef.CreateDbContext();
        return context.Bookings.Where(b => b.MemberId == member && b.Status == BookingStatus.Booked).OrderBy(b => b.Start).ThenBy(b => b.Id).ToList();
    }

    [Benchmark]
    public int LiteDb_Taken() => _liteStore.Taken(1, Monday.AddDays(_member++ % 90));

    [Benchmark]
    public int Dapper_Taken() => _pgStore.Taken(1, Monday.AddDays(_member++ % 90));

    [Benchmark]
    public int EfCore_Taken()
    {
        var key = DutyBooking.SlotKeyOf(1, Monday.AddDays(_member++ % 90));
        using var context = _ef.CreateDbContext();
        return context.Bookings.Count(b => b.SlotKey == key && b.Status == BookingStatus.Booked);
    }

    [Benchmark]
    public void LiteDb_BookAndCancel() => BookAndCancel(_liteStore);

    [Benchmark]
    public void Dapper_BookAndCancel() => BookAndCancel(_pgStore);

    [Benchmark]
    public void EfCore_BookAndCancel()
    {
        using var context = _ef.CreateDbContext();
        var booking = Booking("D9999", Monday.AddYears(1).AddDays(_member++), 1);
        booking.PlaceKey = DutyBooking.PlaceKeyOf(booking.StudioId, booking.Start, booking.Place);
        booking.SlotKey = DutyBooking.SlotKeyOf(booking.StudioId, booking.Start);
        context.Bookings.Add(booking);
        context.SaveChanges();
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = Monday;
        booking.PlaceKey = $"cancelled|{booking.Id}";
        context.SaveChanges();
    }

    private void BookAndCancel(IBookingStore store)
    {
        var booking = Booking("D9999", Monday.AddYears(1).AddDays(_member++), 1);
        if (!store.TryInsert(booking)) throw new InvalidOperationException("place held");
        store.MarkCancelled(booking, Monday);
    }

    private static DutyBooking Booking(string member, DateTimeOffset start, int place) => new()
    {
        StudioId = 1, MemberId = member, ChannelId = "wechat", UserId = "o" + member, Start = start, End = start.AddHours(2),
        Place = place, CreatedAt = Monday.AddDays(-7),
    };

    private int StartCluster()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .First(b => File.Exists(Path.Combine(b, "initdb")));
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _dir = Directory.CreateTempSubdirectory("bench-pg-").FullName;
        if (_runAs is not null) Run(null, "chown", ["-R", _runAs, _dir]);
        Run(_runAs, Path.Combine(_bin, "initdb"), ["-D", Path.Combine(_dir, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Run(_runAs, Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-o", $"-p {port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
            "-l", Path.Combine(_dir, "server.log"), "-w", "start"]);
        return port;
    }

    private static void Run(string? user, string program, string[] arguments)
    {
        var start = new ProcessStartInfo(user is null ? program : "runuser") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in user is null ? arguments : ["-u", user, "--", program, .. arguments]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error}");
    }

    private sealed class TempFile : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("bench-lite-").FullName;

        public string Path => System.IO.Path.Combine(_folder, "assistant.db");

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The same table for EF Core: columns named as migration 0001 names them, enums as their names.</summary>
    public sealed class BookingContext(DbContextOptions<BookingContext> options) : DbContext(options)
    {
        public DbSet<DutyBooking> Bookings => Set<DutyBooking>();

        protected override void OnModelCreating(ModelBuilder model)
        {
            var b = model.Entity<DutyBooking>().ToTable("duty_bookings");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasColumnName("id");
            b.Property(x => x.StudioId).HasColumnName("studio_id");
            b.Property(x => x.MemberId).HasColumnName("member_id");
            b.Property(x => x.ChannelId).HasColumnName("channel_id");
            b.Property(x => x.UserId).HasColumnName("user_id");
            b.Property(x => x.Start).HasColumnName("start_at");
            b.Property(x => x.End).HasColumnName("end_at");
            b.Property(x => x.Place).HasColumnName("place");
            b.Property(x => x.PlaceKey).HasColumnName("place_key");
            b.Property(x => x.SlotKey).HasColumnName("slot_key");
            b.Property(x => x.Status).HasColumnName("status").HasConversion<string>();
            b.Property(x => x.Attendance).HasColumnName("attendance").HasConversion<string>();
            b.Property(x => x.CheckedInAt).HasColumnName("checked_in_at");
            b.Property(x => x.AttendanceBy).HasColumnName("attendance_by");
            b.Property(x => x.CreatedAt).HasColumnName("created_at");
            b.Property(x => x.CancelledAt).HasColumnName("cancelled_at");
        }
    }
}
