namespace OutcomeLedger.Storage;

/// <summary>The type of a file system entry, as stat(2) gives it.</summary>
public enum UnixFileType
{
    Regular,
    Directory,
    Fifo,
    Socket,
    Device,
    Other,
}
