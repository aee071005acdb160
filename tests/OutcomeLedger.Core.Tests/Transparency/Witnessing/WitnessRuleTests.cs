using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Core.Tests.Transparency.Witnessing;

public class WitnessRuleTests
{
    static readonly MerkleTree Log = Tree("entry", 20);
    static readonly MerkleTree Fork = Tree("other", 20);

    static MerkleTree Tree(string prefix, int size)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < size; i++)
        {
            tree.Append(Encoding.UTF8.GetBytes($"{prefix} {i}"));
        }

        return tree;
    }

    static Checkpoint At(MerkleTree tree, ulong size) => new("example.org/log", size, tree.RootAt(size));

    static CosignedTreeHead Head(MerkleTree tree, ulong size) => new(size, tree.RootAt(size));

    public static TheoryData<string, WitnessVerdict> Cases() => new()
    {
        { "first checkpoint seen", WitnessVerdict.Advances },
        { "first checkpoint with a proof", WitnessVerdict.UnexpectedProof },
        { "grown, consistent", WitnessVerdict.Advances },
        { "grown from a cosigned empty tree", WitnessVerdict.Advances },
        { "same tree again", WitnessVerdict.Unchanged },
        { "smaller than cosigned", WitnessVerdict.RolledBack },
        { "same size, other root", WitnessVerdict.Forked },
        { "grown, proof of another log", WitnessVerdict.Inconsistent },
        { "grown, no proof", WitnessVerdict.Inconsistent },
        { "grown from a root never in this log", WitnessVerdict.Inconsistent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_judges_each_case(string name, WitnessVerdict expected)
    {
        var (last, checkpoint, proof) = name switch
        {
            "first checkpoint seen" => ((CosignedTreeHead?)null, At(Log, 7), Array.Empty<Hash>()),
            "first checkpoint with a proof" => (null, At(Log, 7), [Log.RootAt(3)]),
            "grown, consistent" => (Head(Log, 7), At(Log, 20), Log.ConsistencyProof(7, 20)),
            "grown from a cosigned empty tree" => (new CosignedTreeHead(0, default), At(Log, 20), []),
            "same tree again" => (Head(Log, 20), At(Log, 20), []),
            "smaller than cosigned" => (Head(Log, 20), At(Log, 7), []),
            "same size, other root" => (Head(Log, 20), At(Fork, 20), []),
            "grown, proof of another log" => (Head(Log, 7), At(Log, 20), Fork.ConsistencyProof(7, 20)),
            "grown, no proof" => (Head(Log, 7), At(Log, 20), []),
            "grown from a root never in this log" => (Head(Fork, 7), At(Log, 20), Log.ConsistencyProof(7, 20)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Equal(expected, WitnessRule.Check(last, checkpoint, proof));
    }

    [Fact]
    public void A_proof_is_needed_only_to_grow_from_a_non_empty_tree()
    {
        Assert.False(WitnessRule.NeedsProof(null, At(Log, 20)));
        Assert.False(WitnessRule.NeedsProof(new CosignedTreeHead(0, default), At(Log, 20)));
        Assert.False(WitnessRule.NeedsProof(Head(Log, 20), At(Log, 20)));
        Assert.False(WitnessRule.NeedsProof(Head(Log, 20), At(Log, 7)));
        Assert.True(WitnessRule.NeedsProof(Head(Log, 7), At(Log, 20)));
    }
}
