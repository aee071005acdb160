using System.Text.Json;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The log page's only script: checks an entry's inclusion proof in the browser with WebCrypto SHA-256, as RFC 9162
/// §2.1.3.2 defines it, against the root of the checkpoint in the entry's tlog-proof receipt, and says what it checked.
/// </summary>
internal static class ProofCheckScript
{
    public static string For(DashboardText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spanish = text.Code == "es";
        var messages = JsonSerializer.Serialize(new
        {
            ok = spanish
                ? "Verificado: la entrada {i} (hash de hoja {leaf}) está incluida en el registro de tamaño {size} con hash raíz {root}. Su navegador calculó, con SHA-256, que la entrada y las {k} pruebas conducen a esa raíz. No se comprobó aquí: las firmas del punto de control (compruébelas con la clave pública del registro, p. ej. con 'outcomes log verify-tiles')."
                : "Verified: entry {i} (leaf hash {leaf}) is included in the log of size {size} with root hash {root}. Your browser computed with SHA-256 that the entry and the {k} proof hashes lead to that root. Not checked here: the checkpoint's signatures (check them against the log's public key, e.g. with 'outcomes log verify-tiles').",
            fail = spanish ? "NO verificado: " : "NOT verified: ",
            mismatch = spanish ? "la prueba conduce a {got}, pero el punto de control dice {root}." : "the proof leads to {got}, but the checkpoint says {root}.",
        });
        return "const M=" + messages + ";" + Body;
    }

    const string Body = """
        const b64=b=>btoa(String.fromCharCode(...b));
        const unb64=s=>Uint8Array.from(atob(s),c=>c.charCodeAt(0));
        const sha=async(...parts)=>{const n=parts.reduce((a,p)=>a+p.length,0),all=new Uint8Array(n);let o=0;for(const p of parts){all.set(p,o);o+=p.length;}return new Uint8Array(await crypto.subtle.digest('SHA-256',all));};
        const fill=(t,v)=>t.replace(/\{(\w+)\}/g,(_,k)=>v[k]);
        document.getElementById('verify-form').addEventListener('submit',async ev=>{
          ev.preventDefault();
          const out=document.getElementById('verify-result');
          out.className='';out.textContent='…';
          try{
            const i=BigInt(document.getElementById('entry-index').value);
            const er=await fetch('/api/entries/'+i);if(!er.ok)throw new Error((await er.json()).detail);
            const entry=new Uint8Array(await er.arrayBuffer());
            const rr=await fetch('/api/entries/'+i+'/receipt');if(!rr.ok)throw new Error((await rr.json()).detail);
            const lines=(await rr.text()).split('\n');
            if(lines[0]!=='c2sp.org/tlog-proof@v1')throw new Error('not a tlog-proof receipt');
            let n=1;if(lines[n].startsWith('extra '))n++;
            if(BigInt(lines[n].slice(6))!==i)throw new Error('receipt for another entry');n++;
            const proof=[];while(lines[n]!==''){proof.push(unb64(lines[n]));n++;}
            const size=BigInt(lines[n+2]),root=lines[n+3];
            const leaf=await sha(new Uint8Array([0]),entry);
            let fn=i,sn=size-1n,r=leaf;
            for(const p of proof){
              if(sn===0n)throw new Error('proof too long');
              if((fn&1n)===1n||fn===sn){r=await sha(new Uint8Array([1]),p,r);while((fn&1n)===0n&&fn!==0n){fn>>=1n;sn>>=1n;}}
              else{r=await sha(new Uint8Array([1]),r,p);}
              fn>>=1n;sn>>=1n;
            }
            if(sn!==0n||b64(r)!==root)throw new Error(fill(M.mismatch,{got:b64(r),root}));
            out.className='ok';
            out.textContent=fill(M.ok,{i:i.toString(),leaf:b64(leaf),size:size.toString(),root,k:proof.length});
          }catch(e){out.className='fail';out.textContent=M.fail+e.message;}
        });
        """;
}
