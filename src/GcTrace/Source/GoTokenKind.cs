// GoTokenKind: the token classes the code reader tells apart (comments are dropped by the tokenizer).
namespace GcTrace.Source;

public enum GoTokenKind
{
    Identifier,
    Keyword,
    Operator,
    Number,
    String,
    Rune,
}
