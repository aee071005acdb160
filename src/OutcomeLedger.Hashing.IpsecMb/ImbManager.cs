using System.Runtime.InteropServices;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// One intel-ipsec-mb multi-buffer manager (<c>IMB_MGR</c>), initialised for the best instruction set of this CPU.
/// A manager is not thread-safe: each thread gets its own. Freed by the library when the handle is released.
/// </summary>
internal sealed unsafe class ImbManager : SafeHandle
{
    readonly IpsecMbLibrary _library;
    readonly delegate* unmanaged[SuppressGCTransition]<ImbManagerHeader*, ImbJob*> _getNextJob;
    readonly delegate* unmanaged<ImbManagerHeader*, ImbJob*> _submitJob;
    readonly delegate* unmanaged<ImbManagerHeader*, ImbJob*> _submitJobNocheck;
    readonly delegate* unmanaged<ImbManagerHeader*, ImbJob*> _flushJob;

    ImbManager(IpsecMbLibrary library, ImbManagerHeader* manager)
        : base(0, ownsHandle: true)
    {
        _library = library;
        SetHandle((nint)manager);
        // Getting the next job slot is a few instructions: no need to leave cooperative GC mode for it.
        _getNextJob = (delegate* unmanaged[SuppressGCTransition]<ImbManagerHeader*, ImbJob*>)manager->GetNextJob;
        _submitJob = (delegate* unmanaged<ImbManagerHeader*, ImbJob*>)manager->SubmitJob;
        _submitJobNocheck = (delegate* unmanaged<ImbManagerHeader*, ImbJob*>)manager->SubmitJobNocheck;
        _flushJob = (delegate* unmanaged<ImbManagerHeader*, ImbJob*>)manager->FlushJob;
        Architecture = manager->UsedArch;
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>IMB_ARCH: 2 SSE, 3 AVX, 4 AVX2, 5 AVX-512.</summary>
    public uint Architecture { get; }

    ImbManagerHeader* Header => (ImbManagerHeader*)handle;

    public static ImbManager Create(IpsecMbLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var manager = library.AllocMbMgr(0);
        if (manager == null)
        {
            throw new InvalidOperationException("intel-ipsec-mb could not allocate a multi-buffer manager");
        }

        int architecture;
        library.InitMbMgrAuto(manager, &architecture);
        if (manager->GetNextJob == 0 || manager->SubmitJob == 0 || manager->SubmitJobNocheck == 0 || manager->FlushJob == 0)
        {
            library.FreeMbMgr(manager);
            throw new InvalidOperationException($"intel-ipsec-mb found no usable instruction set ({library.ErrorText(library.GetErrno(manager))})");
        }

        return new ImbManager(library, manager);
    }

    /// <summary>IMB_GET_NEXT_JOB: the next free job slot, to be filled and submitted.</summary>
    public ImbJob* GetNextJob() => _getNextJob(Header);

    /// <summary>IMB_SUBMIT_JOB (with the library's parameter checks): a completed job, or null while lanes are filling.</summary>
    public ImbJob* SubmitJob() => _submitJob(Header);

    /// <summary>IMB_SUBMIT_JOB_NOCHECK: as <see cref="SubmitJob"/> without the parameter checks, for jobs known to be well formed.</summary>
    public ImbJob* SubmitJobNocheck() => _submitJobNocheck(Header);

    /// <summary>IMB_FLUSH_JOB: completes the oldest outstanding job, or null when none is left.</summary>
    public ImbJob* FlushJob() => _flushJob(Header);

    public string LastError() => _library.ErrorText(_library.GetErrno(Header));

    protected override bool ReleaseHandle()
    {
        _library.FreeMbMgr((ImbManagerHeader*)handle);
        return true;
    }
}
