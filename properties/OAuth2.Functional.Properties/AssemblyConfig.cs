using FsCheck.Xunit;

// Every property runs 200 cases unless it says otherwise; QuietOnSuccess keeps CI logs short.
[assembly: Properties(MaxTest = 200, QuietOnSuccess = true)]
