// The log page's only script: checks an entry's inclusion proof in the browser with WebCrypto SHA-256, as RFC 9162
// §2.1.3.2 defines it, against the root of the checkpoint in the entry's tlog-proof receipt, and says what it checked.
// Its words come from the text catalogue, as JSON in the form's data-messages attribute.
const M=JSON.parse(document.getElementById('verify-form').dataset.messages);
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
    const er=await fetch('/api/v1/entries/'+i);if(!er.ok)throw new Error((await er.json()).detail);
    const entry=new Uint8Array(await er.arrayBuffer());
    const rr=await fetch('/api/v1/entries/'+i+'/receipt');if(!rr.ok)throw new Error((await rr.json()).detail);
    const lines=(await rr.text()).split('\n');
    if(lines[0]!=='c2sp.org/tlog-proof@v1')throw new Error(M.receipt);
    let n=1;if(lines[n].startsWith('extra '))n++;
    if(BigInt(lines[n].slice(6))!==i)throw new Error(M.other);n++;
    const proof=[];while(lines[n]!==''){proof.push(unb64(lines[n]));n++;}
    const size=BigInt(lines[n+2]),root=lines[n+3];
    const leaf=await sha(new Uint8Array([0]),entry);
    let fn=i,sn=size-1n,r=leaf;
    for(const p of proof){
      if(sn===0n)throw new Error(M.tooLong);
      if((fn&1n)===1n||fn===sn){r=await sha(new Uint8Array([1]),p,r);while((fn&1n)===0n&&fn!==0n){fn>>=1n;sn>>=1n;}}
      else{r=await sha(new Uint8Array([1]),r,p);}
      fn>>=1n;sn>>=1n;
    }
    if(sn!==0n||b64(r)!==root)throw new Error(fill(M.mismatch,{got:b64(r),root}));
    out.className='ok';
    out.textContent=fill(M.ok,{i:i.toString(),leaf:b64(leaf),size:size.toString(),root,k:proof.length});
  }catch(e){out.className='fail';out.textContent=M.fail+e.message;}
});
