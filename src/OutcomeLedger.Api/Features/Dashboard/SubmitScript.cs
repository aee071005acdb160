namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>The submit page's script: posts the pasted entry with the bearer token and shows the server's answer.</summary>
internal static class SubmitScript
{
    public const string Body = """
        document.getElementById('submit-form').addEventListener('submit',async ev=>{
          ev.preventDefault();
          const out=document.getElementById('submit-result');
          const token=document.getElementById('token').value.trim();
          const r=await fetch('/api/entries',{method:'POST',headers:{'Content-Type':'application/json','Authorization':'Bearer '+token},body:document.getElementById('entry').value.trim()});
          const body=await r.json();
          out.className=r.ok?'ok':'fail';
          out.textContent=r.status+' '+(r.ok?('entry '+body.index+', checkpoint '+body.checkpointSize):(body.title+': '+body.detail));
        });
        """;
}
